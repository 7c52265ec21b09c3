// The products' modal dialogs (aria-modal) share one stack; only the topmost acts (an app inside one
// may open another):
//  - Escape closes it, unless the key was meant for the host's own UI (#ap-ui: its dialogs, flags and
//    messages, drawn above the product's, handle their keys themselves);
//  - it keeps focus: focus that lands behind it goes back in, to the element of it that last had focus
//    (else its first control). That includes an app iframe behind it: the click in an app that opened
//    a dialog may have its focus applied by the browser after the dialog focused its field (the frame
//    is another process). Focus in the host's UI is left alone.
(function () {
  'use strict';
  var open = [];

  function inHostUi(node) {
    return Boolean(node && node.closest && node.closest('#ap-ui'));
  }

  function keep() {
    var top = open[open.length - 1];
    if (!top || !top.box.isConnected) return;
    var active = document.activeElement;
    if (active && top.box.contains(active)) {
      top.inside = active;
      return;
    }
    if (inHostUi(active)) return;
    var target = top.inside && top.box.contains(top.inside) ? top.inside : top.box.querySelector('input, select, textarea, button, iframe, a[href]');
    if (target) target.focus();
  }
  // Focus moving into an iframe blurs this window; the iframe is the active element once that is done.
  function onBlur() {
    setTimeout(keep, 0);
  }
  function onKey(event) {
    var top = open[open.length - 1];
    if (event.key !== 'Escape' || !top || inHostUi(event.target)) return;
    event.preventDefault();
    top.onEscape();
  }

  /**
   * Makes `box` the topmost modal dialog until the returned function is called: it keeps focus, and
   * Escape calls `onEscape`.
   */
  window.apModal = function (box, onEscape) {
    var entry = { box: box, onEscape: onEscape, inside: null };
    if (open.length === 0) {
      document.addEventListener('focusin', keep);
      document.addEventListener('keydown', onKey, true);
      window.addEventListener('blur', onBlur);
    }
    open.push(entry);
    return function release() {
      var at = open.indexOf(entry);
      if (at < 0) return;
      open.splice(at, 1);
      if (open.length === 0) {
        document.removeEventListener('focusin', keep);
        document.removeEventListener('keydown', onKey, true);
        window.removeEventListener('blur', onBlur);
      }
    };
  };
})();
