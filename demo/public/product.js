// The product page's client: creates the apbridge host from the page state the server rendered,
// registers the installed apps, mounts the module iframes, and feeds the inspector.
(function () {
  'use strict';
  var rowsEl = document.getElementById('inspector-rows');
  var panel = document.getElementById('inspector');
  var toggle = document.getElementById('inspector-toggle');
  var countEl = document.getElementById('inspector-count');
  var count = 0;

  function time() {
    var d = new Date();
    return d.toTimeString().slice(0, 8) + '.' + String(d.getMilliseconds()).padStart(3, '0');
  }

  // App-supplied strings (keys, module and method names) only ever reach the DOM as text.
  function addRow(cells, kind) {
    if (!rowsEl) return;
    var tr = document.createElement('tr');
    tr.className = kind;
    tr.setAttribute('data-testid', 'inspector-row');
    cells.forEach(function (text) {
      var td = document.createElement('td');
      td.textContent = text;
      tr.appendChild(td);
    });
    rowsEl.insertBefore(tr, rowsEl.firstChild);
    while (rowsEl.children.length > 500) rowsEl.removeChild(rowsEl.lastChild);
    count++;
    countEl.textContent = String(count);
  }

  function setOpen(open) {
    panel.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    document.body.classList.toggle('inspector-open', open);
    try { localStorage.setItem('apb-inspector', open ? '1' : '0'); } catch { /* storage may be blocked */ }
  }
  toggle.addEventListener('click', function () { setOpen(panel.hidden); });
  document.getElementById('inspector-clear').addEventListener('click', function () {
    rowsEl.textContent = '';
    count = 0;
    countEl.textContent = '0';
  });
  try { setOpen(localStorage.getItem('apb-inspector') === '1'); } catch { setOpen(false); }

  // Close open menus when clicking elsewhere, as product menus do.
  document.addEventListener('click', function (event) {
    document.querySelectorAll('details.menu[open]').forEach(function (menu) {
      if (!menu.contains(event.target)) menu.removeAttribute('open');
    });
  });

  var stateEl = document.getElementById('ap-page');
  if (!stateEl || !window.APHost) return;
  var state = JSON.parse(stateEl.textContent);

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
      maxConcurrentPerApp: 8,
      maxBodyBytes: 10 * 1024 * 1024,
    },
    ui: { container: document.getElementById('ap-ui'), theme: 'light' },
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
    onCall: function (info) {
      addRow([time(), info.appKey, info.module, info.method, info.duration.toFixed(1) + ' ms', info.outcome], info.outcome === 'ok' ? 'ok' : 'bad');
    },
    onRejected: function (info) {
      addRow([time(), info.appKey || info.origin, '(refused)', '', '', info.reason], 'refused');
    },
  });
  window.apHost = host;

  state.apps.forEach(function (app) {
    try {
      host.registerApp(app);
    } catch (error) {
      addRow([time(), app.key, '(register)', '', '', String(error && error.code || error)], 'bad');
    }
  });
  state.views.forEach(function (spec) {
    var container = document.getElementById(spec.container);
    if (!container) return;
    host.create({ app: spec.app, moduleKey: spec.moduleKey, url: spec.url, context: spec.context, options: spec.options || {}, height: spec.height }, container);
  });
})();
