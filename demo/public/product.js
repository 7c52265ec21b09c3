// The product page's client: creates the apbridge host from the page state the server rendered,
// registers the installed apps, mounts the module iframes, and feeds the inspector (inspector.js).
(function () {
  'use strict';
  var inspector = window.apInspector;

  // Close open menus when clicking elsewhere, as product menus do.
  document.addEventListener('click', function (event) {
    document.querySelectorAll('details.menu[open]').forEach(function (menu) {
      if (!menu.contains(event.target)) menu.removeAttribute('open');
    });
  });

  var stateEl = document.getElementById('ap-page');
  if (!stateEl || !window.APHost) return;
  var state = JSON.parse(stateEl.textContent);

  // Product behaviour the host's modules call (its options); regions.js and jira.js fill it in.
  var product = window.apProduct = { state: state, jira: {}, closeDialog: null, hideInline: null };

  // The light/dark switch in the header: kept in this browser, sent to apps that called
  // AP.theming.initializeTheming() (the host's theming module subscribes here).
  var THEME_KEY = 'acme.colorMode';
  var themeListeners = [];
  function storedMode() {
    try { return localStorage.getItem(THEME_KEY) === 'dark' ? 'dark' : 'light'; } catch { return 'light'; }
  }
  var colorMode = storedMode();
  document.documentElement.setAttribute('data-color-mode', colorMode);
  var themeToggle = document.getElementById('theme-toggle');
  if (themeToggle) {
    themeToggle.setAttribute('aria-pressed', String(colorMode === 'dark'));
    themeToggle.addEventListener('click', function () {
      colorMode = colorMode === 'dark' ? 'light' : 'dark';
      try { localStorage.setItem(THEME_KEY, colorMode); } catch { /* private mode: this page only */ }
      document.documentElement.setAttribute('data-color-mode', colorMode);
      themeToggle.setAttribute('aria-pressed', String(colorMode === 'dark'));
      themeListeners.slice().forEach(function (listener) { listener(); });
    });
  }

  function appKey(app) {
    return typeof app === 'string' ? app : app && app.key;
  }

  var host = window.APHost.createHost({
    productBaseUrl: state.productBaseUrl,
    contextPath: '',
    user: { accountId: state.user.accountId, timeZone: state.user.timeZone, locale: state.user.locale },
    resolveModuleUrl: function (app, moduleKey, url, opener) {
      var jira = (opener && opener.context && opener.context.jira) || {};
      return fetch('/simulator/module-url', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ app: appKey(app), moduleKey: moduleKey, issueKey: jira.issue && jira.issue.key }),
      }).then(function (response) {
        if (!response.ok) throw new Error('module URL: HTTP ' + response.status);
        return response.json();
      }).then(function (body) { return body.url; });
    },
    getContextToken: function (app, view) {
      return fetch('/simulator/context-token', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ app: appKey(app), moduleKey: view && view.moduleKey, context: view && view.context }),
      }).then(function (response) {
        if (!response.ok) throw new Error('context token: HTTP ' + response.status);
        return response.json();
      }).then(function (body) { return body.token; });
    },
    request: {
      allowedPaths: ['/rest/api/3/', '/rest/atlassian-connect/1/'],
      // Jira's XSRF header, which its attachment upload requires.
      headers: { 'X-Atlassian-Token': 'no-check' },
      maxConcurrentPerApp: 16,
      maxBodyBytes: 10 * 1024 * 1024,
    },
    ui: { container: document.getElementById('ap-ui'), theme: colorMode },
    history: { in: 'hash' },
    page: { setTitle: function (title) { document.title = title + ' - Acme Tracker'; } },
    theming: {
      getTheme: function () { return { colorMode: colorMode, themes: { light: 'light', dark: 'dark' } }; },
      subscribe: function (listener) {
        themeListeners.push(listener);
        return function () { themeListeners = themeListeners.filter(function (l) { return l !== listener; }); };
      },
    },
    jira: product.jira,
    dialog: { close: function (view, data) { if (product.closeDialog) product.closeDialog(view, data); } },
    inlineDialog: { hide: function (view) { if (product.hideInline) product.hideInline(view); } },
    navigator: {
      getLocation: function () { return { target: state.location.target, context: state.location.context }; },
      go: function (target, context) {
        context = context || {};
        if (target === 'issue' && typeof context.issueKey === 'string') location.assign('/browse/' + encodeURIComponent(context.issueKey));
        else if (target === 'addonmodule' && typeof context.addonKey === 'string' && typeof context.moduleKey === 'string') {
          location.assign('/plugins/servlet/ac/' + encodeURIComponent(context.addonKey) + '/' + encodeURIComponent(context.moduleKey));
        } else if (target === 'dashboard' || target === 'home') location.assign('/');
        else throw new Error('Unsupported navigation target');
      },
      reload: function () { location.reload(); },
    },
    onCall: function (info) { inspector.call(info); },
    onRejected: function (info) { inspector.refused(info); },
  });
  window.apHost = host;

  state.apps.forEach(function (app) {
    try {
      host.registerApp(app);
    } catch (error) {
      inspector.note(app.key, '(register)', String(error && error.code || error));
    }
  });
  state.views.forEach(function (spec) {
    var container = document.getElementById(spec.container);
    if (!container) return;
    host.create({ app: spec.app, moduleKey: spec.moduleKey, url: spec.url, context: spec.context, options: spec.options || {}, height: spec.height }, container);
  });
})();
