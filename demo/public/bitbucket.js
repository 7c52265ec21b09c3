// Acme Code's page client: creates the apbridge host for the repository pages (Bitbucket's
// context path /bitbucket, its REST API as AP.request's allowed paths) and mounts the app iframes.
(function () {
  'use strict';
  document.addEventListener('click', function (event) {
    document.querySelectorAll('details.menu[open]').forEach(function (menu) {
      if (!menu.contains(event.target)) menu.removeAttribute('open');
    });
  });
  var stateEl = document.getElementById('ap-code');
  if (!stateEl || !window.APHost) return;
  var state = JSON.parse(stateEl.textContent);

  var host = window.APHost.createHost({
    productBaseUrl: state.productBaseUrl,
    contextPath: '/bitbucket',
    user: state.user,
    getContextToken: function (app) {
      return fetch('/bitbucket/simulator/context-token', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ app: typeof app === 'string' ? app : app.key }),
      }).then(function (response) {
        if (!response.ok) throw new Error('context token: HTTP ' + response.status);
        return response.json();
      }).then(function (body) { return body.token; });
    },
    // Bitbucket's API paths as apps write them: /2.0/... and the 1.0 /api/1.0/user/.
    request: { allowedPaths: ['/2.0/', '/api/1.0/'], maxConcurrentPerApp: 16 },
    ui: { container: document.getElementById('ap-ui'), theme: 'light' },
    page: { setTitle: function (title) { document.title = title + ' - Acme Code'; } },
    history: { in: 'hash' },
  });
  window.apHost = host;
  state.apps.forEach(function (app) { host.registerApp(app); });
  state.views.forEach(function (spec) {
    var container = document.getElementById(spec.container);
    if (container) host.create({ app: spec.app, moduleKey: spec.moduleKey, url: spec.url, context: spec.context, options: spec.options || {}, height: spec.height }, container);
  });
})();
