import type { Host, View, ViewState } from '../types.js';
import { el, shadowHost, type Theme } from './dom.js';
import { viewKind } from '../../shared/viewOptions.js';

type Shown = 'loading' | 'unresponsive' | 'stopped';

const PROBLEM: Record<Exclude<Shown, 'loading'>, { text: string; action: string }> = {
  unresponsive: { text: 'is not responding.', action: 'Try again' },
  stopped: { text: 'was stopped: it sent too many messages.', action: 'Reload' },
};

/**
 * How long a new view may take to connect before its loading state is drawn. Drawing it is work on
 * the product page's main thread (DOM, style, layout, paint) in the very milliseconds the app's
 * frame is committed, which waits on that thread: drawn at once, it made a fast app's cold start
 * 8–16% slower (probe against the bench's 0-RTT floor), and it would only flash. A wait under
 * 0.1–0.2 s reads as instant.
 */
export const LOADING_DELAY_MS = 150;

/**
 * Shows a view's loading state when its handshake has not completed within
 * {@link LOADING_DELAY_MS} (at once when it replaces a state already shown, as after "Try again"), a
 * clear "not responding" state (with a retry) when the host marks it unresponsive, and a "stopped"
 * state (with a reload) when the host cut it for flooding. The indicator sits right before the
 * iframe; in a dialog it overlays the iframe instead (the dialog body is positioned for that).
 */
export function watchViewStatus(host: Host, doc: Document, theme: Theme): () => void {
  const shown = new Map<View, HTMLElement>();
  const delayed = new Map<View, ReturnType<typeof setTimeout>>();

  function remove(view: View): void {
    clearTimeout(delayed.get(view));
    delayed.delete(view);
    shown.get(view)?.remove();
    shown.delete(view);
  }

  function render(view: View, state: Shown): void {
    remove(view);
    const parent = view.iframe.parentNode;
    if (!parent) return;
    const { host: box, root } = shadowHost(doc, 'apb-status', theme);
    const overlay = viewKind(view.options).isDialog;
    box.style.cssText = overlay ? 'position:absolute;inset:0;display:block' : 'display:block';
    const status = el(doc, 'div', 'apb-status');
    status.setAttribute('data-state', state);
    if (overlay) status.setAttribute('data-overlay', '');
    if (state === 'loading') {
      status.setAttribute('role', 'status');
      status.setAttribute('aria-busy', 'true');
      status.append(el(doc, 'span', 'apb-spinner'), el(doc, 'span', undefined, `Loading ${view.app.name}…`));
    } else {
      const problem = PROBLEM[state];
      status.setAttribute('role', 'alert');
      const retry = el(doc, 'button', undefined, problem.action);
      retry.type = 'button';
      // The view goes back to 'loading' and, if no hello comes in time again, to 'unresponsive'.
      retry.addEventListener('click', () => view.reload());
      status.append(el(doc, 'span', undefined, `${view.app.name} ${problem.text}`), retry);
    }
    root.appendChild(status);
    parent.insertBefore(box, view.iframe);
    shown.set(view, box);
  }

  const stop = host.onViewState((view: View, state: ViewState) => {
    // Every state but 'loading' ends a pending delay (render or remove), so none is pending here.
    if (state === 'loading' && !shown.has(view)) {
      delayed.set(view, setTimeout(() => render(view, 'loading'), LOADING_DELAY_MS));
    } else if (state === 'loading' || state === 'unresponsive' || state === 'stopped') {
      render(view, state);
    } else {
      remove(view);
    }
  });
  return () => {
    stop();
    for (const view of [...shown.keys(), ...delayed.keys()]) remove(view);
  };
}
