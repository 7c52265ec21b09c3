// App regions the page opens on demand: issue glances, contents and activity tabs, and web items with
// target dialog or inline dialog. Runs after product.js, which
// created the host (window.apHost). Each iframe URL is signed by the product's server at open time.
(function () {
  'use strict';
  var host = window.apHost;
  if (!host) return;

  function signed(app, moduleKey, issueKey) {
    return fetch('/simulator/module-url', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ app: app, moduleKey: moduleKey, issueKey: issueKey }),
    }).then(function (response) {
      if (!response.ok) throw new Error('module URL: HTTP ' + response.status);
      return response.json();
    });
  }

  function layoutHeight(options, fallback) {
    return options && (options.height || (options.layout && options.layout.height)) || fallback;
  }

  // A glance, content or tab: its iframe is created the first time its region is shown.
  function openLazy(el) {
    if (!el || el.getAttribute('data-opened')) return;
    el.setAttribute('data-opened', '1');
    signed(el.getAttribute('data-lazy-app'), el.getAttribute('data-lazy-module'), el.getAttribute('data-issue')).then(function (m) {
      host.create({ app: el.getAttribute('data-lazy-app'), moduleKey: m.moduleKey, url: m.url, context: m.context, options: {}, height: '120px' }, el);
    }).catch(function (error) {
      el.textContent = 'Could not open: ' + error.message;
    });
  }

  function toggle(button, region) {
    var open = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(open));
    region.hidden = !open;
    if (open) openLazy(region.querySelector('[data-lazy-app]'));
  }

  document.querySelectorAll('[data-glance], [data-issue-content]').forEach(function (button) {
    button.addEventListener('click', function () {
      toggle(button, document.getElementById(button.getAttribute('aria-controls')));
    });
  });

  // Activity tabs: the WAI-ARIA tabs pattern (arrow keys move between tabs).
  var tabs = Array.prototype.slice.call(document.querySelectorAll('[role="tab"]'));
  function select(tab) {
    tabs.forEach(function (t) {
      var chosen = t === tab;
      t.setAttribute('aria-selected', String(chosen));
      t.tabIndex = chosen ? 0 : -1;
      var panel = document.getElementById(t.getAttribute('aria-controls'));
      if (panel) panel.hidden = !chosen;
    });
    openLazy(document.getElementById(tab.getAttribute('aria-controls')).querySelector('[data-lazy-app]'));
  }
  tabs.forEach(function (tab, i) {
    tab.addEventListener('click', function () { select(tab); });
    tab.addEventListener('keydown', function (event) {
      var next = event.key === 'ArrowRight' ? tabs[(i + 1) % tabs.length] : event.key === 'ArrowLeft' ? tabs[(i + tabs.length - 1) % tabs.length] : null;
      if (next) { next.focus(); select(next); event.preventDefault(); }
    });
  });

  // Web item dialogs: drawn by the product (the app opened nothing itself); closed by the product's
  // Close button, Escape, or AP.dialog.close() from inside (the host's `dialog.close` option). It keeps
  // focus (modal.js).
  var productDialogs = [];
  window.apProduct.closeDialog = function (view) {
    productDialogs.filter(function (d) { return d.view === view; }).forEach(function (d) { d.done(true); });
  };
  function openDialog(trigger, m) {
    var options = m.options || {};
    var overlay = document.createElement('div');
    overlay.className = 'wi-overlay';
    var dialog = document.createElement('div');
    dialog.className = 'wi-dialog size-' + (typeof options.size === 'string' ? options.size.replace(/[^a-z]/g, '') : 'medium');
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'true');
    var header = document.createElement('header');
    var title = document.createElement('h2');
    title.id = 'wi-dialog-title-' + Date.now();
    var headerText = options.header && (options.header.value || options.header);
    title.textContent = typeof headerText === 'string' ? headerText : m.title;
    dialog.setAttribute('aria-labelledby', title.id);
    var close = document.createElement('button');
    close.type = 'button';
    close.className = 'button subtle';
    close.textContent = 'Close';
    header.appendChild(title);
    header.appendChild(close);
    var body = document.createElement('div');
    body.className = 'wi-dialog-body';
    dialog.appendChild(header);
    dialog.appendChild(body);
    overlay.appendChild(dialog);
    document.body.appendChild(overlay);
    var view = host.create({ app: trigger.getAttribute('data-app'), moduleKey: m.moduleKey, url: m.url, context: m.context, options: { isDialog: true }, width: '100%', height: layoutHeight(options, '100%') }, body);
    var closed = false;
    function done(fromApp) {
      if (closed) return;
      closed = true;
      productDialogs = productDialogs.filter(function (d) { return d.view !== view; });
      // AP.dialog.close from inside: its answer goes back before the iframe ends (as the host's own dialogs do).
      if (fromApp) {
        overlay.hidden = true;
        setTimeout(function () { view.destroy(); overlay.remove(); }, 100);
      } else {
        view.destroy();
        overlay.remove();
      }
      release();
      trigger.focus();
    }
    productDialogs.push({ view: view, done: done });
    close.addEventListener('click', function () { done(false); });
    var release = window.apModal(dialog, function () { done(false); });
    close.focus();
  }

  // Inline dialogs: a popup under the web item, closed by Escape or a click elsewhere.
  var inline = null;
  function closeInline(fromApp) {
    if (!inline) return;
    var ending = inline;
    if (fromApp) {
      ending.el.hidden = true;
      setTimeout(function () { ending.view.destroy(); ending.el.remove(); }, 100);
    } else {
      ending.view.destroy();
      ending.el.remove();
    }
    inline.trigger.setAttribute('aria-expanded', 'false');
    inline = null;
  }
  // AP.inlineDialog.hide() from inside (the host's `inlineDialog.hide` option).
  window.apProduct.hideInline = function (view) {
    if (inline && inline.view === view) closeInline(true);
  };
  function openInline(trigger, m) {
    closeInline();
    var el = document.createElement('div');
    el.className = 'wi-inline';
    el.setAttribute('role', 'dialog');
    el.setAttribute('aria-label', m.title);
    var rect = trigger.getBoundingClientRect();
    el.style.top = Math.round(rect.bottom + window.scrollY + 4) + 'px';
    el.style.left = Math.round(Math.max(8, Math.min(rect.left + window.scrollX, window.innerWidth - 340))) + 'px';
    document.body.appendChild(el);
    trigger.setAttribute('aria-expanded', 'true');
    var view = host.create({ app: trigger.getAttribute('data-app'), moduleKey: m.moduleKey, url: m.url, context: m.context, options: { isInlineDialog: true }, width: '320px', height: layoutHeight(m.options, '160px') }, el);
    inline = { el: el, view: view, trigger: trigger };
  }
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && inline) { var t = inline.trigger; closeInline(); t.focus(); }
  });
  document.addEventListener('click', function (event) {
    if (inline && !inline.el.contains(event.target) && !inline.trigger.contains(event.target)) closeInline();
  });

  var stateEl = document.getElementById('ap-page');
  var state = stateEl ? JSON.parse(stateEl.textContent) : {};
  var pageIssue = state.location && state.location.context && state.location.context.issueKey;
  document.addEventListener('click', function (event) {
    var trigger = event.target.closest && event.target.closest('button[data-web-item]');
    if (!trigger) return;
    var kind = trigger.getAttribute('data-web-item');
    var menu = trigger.closest('details.menu');
    if (menu) menu.removeAttribute('open');
    signed(trigger.getAttribute('data-app'), trigger.getAttribute('data-module'), pageIssue).then(function (m) {
      if (kind === 'inlinedialog') openInline(trigger, m);
      else openDialog(trigger, m);
    }).catch(function (error) {
      window.alert('Could not open ' + trigger.textContent + ': ' + error.message);
    });
  });

})();
