/* Hello Bitbucket's browser code, as atlassian-connect-express's Bitbucket template writes it: the
 * user from the 1.0 user API through AP.request, a visit counter in AP.cookie, and (from the app's
 * server, with a context JWT) the repo:push webhooks it logged. */
(function () {
  'use strict';
  var AP = window.AP;
  var body = document.body;
  function show(id, text) {
    var el = document.querySelector('[data-testid="' + id + '"]');
    if (el) el.textContent = text;
  }

  // The context parameters the iframe URL was given (not the Connect ones).
  var list = document.querySelector('[data-testid="params"]');
  new URLSearchParams(location.search).forEach(function (value, name) {
    if (['jwt', 'xdm_e', 'xdm_c'].indexOf(name) >= 0) return;
    var dt = document.createElement('dt');
    dt.textContent = name;
    var dd = document.createElement('dd');
    dd.textContent = value;
    dd.setAttribute('data-param', name);
    list.appendChild(dt);
    list.appendChild(dd);
  });

  AP.require(['request', 'cookie'], function (request, cookie) {
    request({
      url: '/api/1.0/user/',
      success: function (response) {
        var user = (typeof response === 'string' ? JSON.parse(response) : response).user;
        show('user-greeting', 'Hello, ' + user.display_name + ' (' + user.username + ')');
      },
      error: function (xhr) { show('user-greeting', 'user API failed: HTTP ' + xhr.status); },
    });
    cookie.read('hello-visits', function (value) {
      var visits = (parseInt(value, 10) || 0) + 1;
      cookie.save('hello-visits', String(visits), 30);
      show('visits', 'Visits (AP.cookie): ' + visits);
    });
  });

  if (body.dataset.view === 'file-view') {
    var params = new URLSearchParams(location.search);
    AP.request('/2.0/repositories/' + params.get('repoPath') + '/src/' + params.get('commit') + '/' + params.get('path')).then(function (r) {
      show('file-summary', params.get('path') + ': ' + r.body.split('\n').filter(Boolean).length + ' non-empty lines');
    }, function (e) { show('file-summary', 'src API failed: ' + (e.xhr ? e.xhr.status : e.code)); });
  }

  if (body.dataset.view === 'connect-example') {
    AP.context.getToken().then(function (token) {
      return fetch(body.dataset.base + '/api/webhooks', { headers: { authorization: 'JWT ' + token } });
    }).then(function (r) { return r.json(); }).then(function (log) {
      show('lifecycle', 'Lifecycle: ' + log.lifecycle.join('; '));
      show('webhooks', 'Webhooks received: ' + (log.webhooks.map(function (w) { return w.event + ' ' + w.commit + (w.verified ? ' (verified)' : ' (NOT verified)'); }).join('; ') || 'none'));
    });
  }
})();
