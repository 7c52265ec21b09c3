import type { Host, View, ViewState } from '../types.js';
import { el, shadowHost, type Theme } from './dom.js';

/**
 * Shows a view's loading state until its handshake completes, and a clear "not responding" state
 * (with a retry) when the host marks it unresponsive. The indicator sits right before the iframe;
 * in a dialog it overlays the iframe instead (the dialog body is positioned for that).
 */
export function watchViewStatus(host: Host, doc: Document, theme: Theme, handshakeMs: number): () => void {
  const shown = new Map<View, HTMLElement>();
  const retries = new Map<View, ReturnType<typeof setTimeout>>();

  function remove(view: View): void {
    shown.get(view)?.remove();
    shown.delete(view);
    clearTimeout(retries.get(view));
    retries.delete(view);
  }

  function render(view: View, state: 'loading' | 'unresponsive'): void {
    remove(view);
    const parent = view.iframe.parentNode;
    if (!parent) return;
    const { host: box, root } = shadowHost(doc, 'apb-status', theme);
    const overlay = view.options.isDialog === true;
    box.style.cssText = overlay ? 'position:absolute;inset:0;display:block' : 'display:block';
    const status = el(doc, 'div', 'apb-status');
    status.setAttribute('data-state', state);
    if (overlay) status.setAttribute('data-overlay', '');
    if (state === 'loading') {
      status.setAttribute('role', 'status');
      status.setAttribute('aria-busy', 'true');
      status.append(el(doc, 'span', 'apb-spinner'), el(doc, 'span', undefined, `Loading ${view.app.name}…`));
    } else {
      status.setAttribute('role', 'alert');
      const retry = el(doc, 'button', undefined, 'Try again');
      retry.type = 'button';
      retry.addEventListener('click', () => {
        // Re-assigning src reloads the app; a hello that arrives now still connects the view.
        const src = view.iframe.src;
        view.iframe.src = src;
        render(view, 'loading');
        // The host marks a view unresponsive once; a retry that fails again is ours to report.
        retries.set(
          view,
          setTimeout(() => {
            if (view.state === 'unresponsive') render(view, 'unresponsive');
          }, handshakeMs),
        );
      });
      status.append(el(doc, 'span', undefined, `${view.app.name} is not responding.`), retry);
    }
    root.appendChild(status);
    parent.insertBefore(box, view.iframe);
    shown.set(view, box);
  }

  const stop = host.onViewState((view: View, state: ViewState) => {
    if (state === 'loading' || state === 'unresponsive') render(view, state);
    else remove(view);
  });
  return () => {
    stop();
    for (const view of [...shown.keys()]) remove(view);
  };
}
