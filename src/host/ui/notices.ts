import { el } from './dom.js';
import type { UiLayer } from './layer.js';

export interface NoticeOptions {
  kind: 'flag' | 'message';
  /** From an allowlist (checked by the module). */
  type: string;
  appName: string;
  title: string;
  body: string;
  closeable: boolean;
  actions: readonly (readonly [identifier: string, text: string])[];
  /** Milliseconds until it closes by itself; paused while hovered or focused. */
  autoCloseMs: number | undefined;
  onAction(identifier: string): void;
  /** The user (or the timer) closed it. */
  onDismiss(): void;
}

export interface NoticeUi {
  remove(): void;
}

const ICONS: Record<string, string> = { info: 'i', success: '✓', warning: '!', error: '!', generic: '•', hint: '?' };

/**
 * Draws a flag or message into the layer's live region. Errors and warnings are `role="alert"` so
 * they are announced at once; the rest are `role="status"`. The sending app is always named.
 */
export function showNotice(layer: UiLayer, options: NoticeOptions): NoticeUi {
  const doc = layer.document;
  const notice = el(doc, 'div', 'apb-notice');
  notice.setAttribute('data-type', options.type);
  notice.setAttribute('data-kind', options.kind);
  notice.setAttribute('role', options.type === 'error' || options.type === 'warning' ? 'alert' : 'status');
  const icon = el(doc, 'span', 'apb-notice-icon', ICONS[options.type] ?? 'i');
  icon.setAttribute('aria-hidden', 'true');
  const text = el(doc, 'div', 'apb-notice-text');
  if (options.title) text.appendChild(el(doc, 'strong', 'apb-notice-title', options.title));
  if (options.body) text.appendChild(el(doc, 'p', 'apb-notice-body', options.body));
  text.appendChild(el(doc, 'small', 'apb-notice-app', `From ${options.appName}`));
  notice.append(icon, text);

  if (options.closeable) {
    const close = el(doc, 'button', 'apb-close', '×');
    close.type = 'button';
    close.setAttribute('aria-label', `Dismiss ${options.kind} from ${options.appName}`);
    close.addEventListener('click', () => options.onDismiss());
    notice.appendChild(close);
  } else {
    notice.appendChild(el(doc, 'span'));
  }
  if (options.actions.length > 0) {
    const actions = el(doc, 'div', 'apb-notice-actions');
    for (const [identifier, label] of options.actions) {
      const action = el(doc, 'button', 'apb-link', label);
      action.type = 'button';
      action.setAttribute('data-apb-action', identifier);
      action.addEventListener('click', () => options.onAction(identifier));
      actions.appendChild(action);
    }
    notice.appendChild(actions);
  }

  // Auto-closing pauses while the pointer or focus is on the notice, so nobody loses it mid-read
  // (WCAG 2.2.1); the remaining time resumes afterwards.
  let timer: ReturnType<typeof setTimeout> | undefined;
  let remaining = options.autoCloseMs;
  let startedAt = 0;
  let holds = 0;
  const run = (): void => {
    if (remaining === undefined || holds > 0) return;
    startedAt = Date.now();
    timer = setTimeout(() => options.onDismiss(), remaining);
  };
  const hold = (): void => {
    holds += 1;
    if (timer !== undefined && remaining !== undefined) {
      clearTimeout(timer);
      timer = undefined;
      remaining = Math.max(0, remaining - (Date.now() - startedAt));
    }
  };
  const resume = (): void => {
    holds = Math.max(0, holds - 1);
    run();
  };
  notice.addEventListener('mouseenter', hold);
  notice.addEventListener('mouseleave', resume);
  notice.addEventListener('focusin', hold);
  notice.addEventListener('focusout', resume);

  layer.notices().appendChild(notice);
  run();
  return {
    remove() {
      clearTimeout(timer);
      notice.remove();
    },
  };
}
