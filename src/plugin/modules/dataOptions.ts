import { ENV_MODULE, EnvMethod } from '../../shared/contracts/env.js';
import { viewKind } from '../../shared/viewOptions.js';
import { quiet, type PluginBridge } from '../bridge.js';

/** Runs `then` with the body, now or once the document has one. */
function withBody(win: Window, then: (body: HTMLElement) => void): void {
  const doc = win.document;
  if (doc.body) then(doc.body);
  else doc.addEventListener('DOMContentLoaded', () => doc.body && then(doc.body), { once: true });
}

/**
 * The page-level `data-options` Connect applies at start: `margin` (the body margin is zeroed unless
 * `margin:false`; dialogs get `10px 10px 0 10px`), `base` (`<base href=product page target=_parent>`),
 * and `hideFooter` without `sizeToParent` (with it, `sizeToParent` hides the footer itself).
 */
export function applyDataOptions(bridge: PluginBridge): void {
  bridge.onStart(() => {
    const win = bridge.window;
    if (!win) return;
    const options = bridge.options();
    if (options.margin !== false) {
      const margin = viewKind(options).isDialog ? '10px 10px 0 10px' : '0';
      // Through the CSSOM, which a page's CSP allows where an inline <style> may be refused.
      withBody(win, (body) => body.style.setProperty('margin', margin, 'important'));
    }
    if (options.base === true) {
      void bridge.call(ENV_MODULE, EnvMethod.getLocation, []).then((href) => {
        const base = win.document.createElement('base');
        base.href = href;
        base.target = '_parent';
        win.document.head.prepend(base);
      }, () => {});
    }
    if (options.hideFooter === true && options.sizeToParent !== true) {
      quiet('env.hideFooter', bridge.call(ENV_MODULE, EnvMethod.hideFooter, [true]));
    }
  });
}
