// The sample app's browser code: one handler per module, each writing its outcome into an <output>.
(function () {
  'use strict';
  var view = document.body.dataset.view;
  var api = document.body.dataset.api;

  function out(name, text) {
    var el = document.querySelector('[data-testid="' + name + '"]');
    if (el) el.textContent = text;
  }
  function describe(error) {
    if (!error) return 'error';
    if (error.code) return error.code + ': ' + error.message;
    if (error.xhr) return 'HTTP ' + error.xhr.status + ' ' + (error.xhr.responseText || '').slice(0, 300);
    return String(error.message || error);
  }
  function guard(name, fn) {
    return function () {
      out(name, '…');
      Promise.resolve().then(fn).then(function (text) { if (text !== undefined) out(name, text); }, function (error) { out(name, 'error: ' + describe(error)); });
    };
  }
  function has(module) {
    if (!window.AP || !window.AP[module]) throw { code: 'NOT_AVAILABLE', message: 'AP.' + module + ' is not provided by this host' };
    return window.AP[module];
  }
  function request(options) {
    if (typeof window.AP.request !== 'function') throw { code: 'NOT_AVAILABLE', message: 'AP.request is not provided by this host' };
    return window.AP.request(options);
  }
  function parse(body) {
    return typeof body === 'string' ? JSON.parse(body) : body;
  }
  function withToken(path) {
    return has('context').getToken().then(function (token) {
      return fetch(api + path, { headers: { authorization: 'JWT ' + token } });
    }).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) throw { message: 'app server answered ' + response.status + ': ' + (body.error || '') };
        return body;
      });
    });
  }

  var jwtSub = document.querySelector('[data-testid="jwt-sub"]');
  if (jwtSub) jwtSub.textContent = document.body.dataset.account;

  // A module that shows where it is: its name and the context parameters its URL was given.
  if (view === 'module' || view === 'macro') {
    out('module-name', document.body.dataset.name);
    var list = document.querySelector('[data-testid="module-params"]');
    var connectParams = ['jwt', 'xdm_e', 'xdm_c', 'cp', 'lic', 'cv', 'tz', 'loc'];
    new URLSearchParams(location.search).forEach(function (value, name) {
      if (connectParams.indexOf(name) >= 0) return;
      var dt = document.createElement('dt');
      dt.textContent = name;
      var dd = document.createElement('dd');
      dd.textContent = value;
      dd.setAttribute('data-param', name);
      list.appendChild(dt);
      list.appendChild(dd);
    });
    if (document.body.dataset.name === 'dashboard-item') document.querySelector('.dashboard-only').hidden = false;
    if (window.AP && window.AP.dialog && window.AP.dialog.isDialog) document.querySelector('.dialog-only').hidden = false;
    if (document.body.dataset.name === 'byline') document.querySelector('.byline-only').hidden = false;
    if (/^post-function-(create|edit)$/.test(document.body.dataset.name)) postFunctionForm();
  }

  // A workflow post function's create or edit page: the product asks for the configuration on Add or
  // Update, as Connect's post function pages are written (AP.require(['jira'], ...)).
  function postFunctionForm() {
    document.querySelector('.post-function-only').hidden = false;
    var input = document.getElementById('post-function-label');
    window.AP.require(['jira'], function (jira) {
      jira.WorkflowConfiguration.onSaveValidation(function () { return input.value.trim() !== ''; });
      jira.WorkflowConfiguration.onSave(function () { return JSON.stringify({ label: input.value.trim() }); });
      jira.getWorkflowConfiguration(function (config) {
        out('out-post-function', 'configuration: ' + JSON.stringify(config));
        try { input.value = JSON.parse(config.value).label || ''; } catch { input.value = ''; }
      });
    });
  }

  var actions = {
    user: guard('out-user', function () {
      var user = has('user');
      return Promise.all([user.getCurrentUser(), user.getTimeZone(), user.getLocale()]).then(function (r) {
        return 'accountId ' + r[0].atlassianAccountId + ' · ' + r[1] + ' · ' + r[2];
      });
    }),
    search: guard('out-request', function () {
      return request({ url: '/rest/api/3/search?jql=project%20%3D%20DEMO' }).then(function (r) {
        var body = parse(r.body);
        return body.total + ' issues: ' + body.issues.map(function (i) { return i.key; }).join(', ');
      });
    }),
    create: guard('out-request', function () {
      return request({
        url: '/rest/api/3/issue', type: 'POST', contentType: 'application/json',
        data: JSON.stringify({ fields: { project: { key: 'DEMO' }, summary: 'Created by ' + view + ' at ' + new Date().toISOString().slice(11, 19), issuetype: { name: 'Task' } } }),
      }).then(function (r) { return 'created ' + parse(r.body).key; });
    }),
    attach: guard('out-request', function () {
      var bytes = new Uint8Array(256);
      for (var i = 0; i < bytes.length; i++) bytes[i] = i;
      var form = new FormData();
      form.append('file', new Blob([bytes], { type: 'application/octet-stream' }), 'bytes.bin');
      return request({ url: '/rest/api/3/issue/DEMO-1/attachments', type: 'POST', contentType: 'multipart/form-data', data: form })
        .then(function (r) {
          var id = parse(r.body)[0].id;
          return request({ url: '/rest/api/3/attachment/content/' + id, binaryAttachment: true });
        })
        .then(function (r) {
          var got = new Uint8Array(r.body);
          var same = got.length === bytes.length && got.every(function (b, i) { return b === bytes[i]; });
          return 'uploaded 256 bytes, downloaded ' + got.length + ' bytes, ' + (same ? 'identical' : 'DIFFERENT');
        });
    }),
    cookie: guard('out-cookie', function () {
      var cookie = has('cookie');
      var value = 'v' + Date.now();
      cookie.save('sample', value, 1);
      return new Promise(function (resolve) { cookie.read('sample', resolve); }).then(function (read) {
        cookie.erase('sample');
        return new Promise(function (resolve) { cookie.read('sample', resolve); }).then(function (after) {
          return 'saved and read back ' + (read === value ? 'the same value' : JSON.stringify(read)) + '; after erase: ' + JSON.stringify(after);
        });
      });
    }),
    dialog: guard('out-dialog', function () {
      var dialog = has('dialog').create({ key: 'sample-dialog', chrome: true, header: 'Set a priority', submitText: 'Done', size: 'medium', customData: { issueKey: new URLSearchParams(location.search).get('issueKey') || 'DEMO-1', from: view } });
      dialog.on('close', function (data) { out('out-dialog', 'dialog closed with ' + JSON.stringify(data)); });
      return 'dialog open';
    }),
    'dialog-close': function () {
      var priority = document.getElementById('priority');
      has('dialog').close(priority ? { priority: priority.value } : { done: true });
    },
    'create-issue': guard('out-jira', function () {
      return new Promise(function (resolve) {
        has('jira').openCreateIssueDialog(function (issues) {
          resolve(issues.length ? 'created ' + issues.map(function (i) { return i.key + ' ' + i.fields.summary; }).join(', ') : 'cancelled');
        }, { pid: 10000, fields: { summary: 'From the sample app' } });
      });
    }),
    'issue-dialog': guard('out-jira', function () {
      return new Promise(function (resolve) {
        has('jira').openIssueDialog('DEMO-1', function () { resolve('issue dialog closed'); });
      });
    }),
    'set-title': guard('out-history', function () {
      has('page').setTitle('Sample title');
      return 'title set';
    }),
    'push-state': guard('out-history', function () {
      var n = Number(has('history').getState() || 0) + 1;
      has('history').pushState(String(n));
      return 'state ' + n;
    }),
    flag: guard('out-flag', function () {
      var flag = has('flag').create({ title: 'Sample App', body: 'Saved <b>not bold</b>: app text stays text.', type: 'success', close: 'manual' });
      return 'flag shown' + (flag && typeof flag.close === 'function' ? ' (has close())' : '');
    }),
    // The app's issue field (jiraIssueFields): set through Jira's app field API, then the issue page shows it.
    score: guard('out-score', function () {
      return has('context').getContext().then(function (ctx) {
        var id = Number(ctx.jira.issue.id);
        return request({ url: '/rest/api/3/app/field/acme-sample__sample-score/value', type: 'PUT', contentType: 'application/json', data: JSON.stringify({ updates: [{ issueIds: [id], value: 42 }] }) });
      }).then(function () {
        has('jira').refreshIssuePage();
        return 'scored';
      });
    }),
    message: guard('out-flag', function () {
      has('messages').info('Sample App', 'A message from the app.', { fadeout: true, delay: 4000 });
      return 'message shown';
    }),
    context: guard('out-context', function () {
      var context = has('context');
      return context.getContext().then(function (ctx) {
        return withToken('/api/status').then(function (status) {
          return 'context ' + JSON.stringify(ctx) + ' · token verified by the app server for ' + status.verifiedUser;
        });
      });
    }),
    emit: guard('out-events', function () {
      has('events').emit('sample.ping', { from: view, at: Date.now() });
      return 'emitted sample.ping from ' + view;
    }),
    grow: function () {
      var p = document.createElement('p');
      p.textContent = 'Extra line ' + (document.querySelectorAll('.growth p').length + 1) + ': the iframe grows to fit (autoresize).';
      document.querySelector('.growth').appendChild(p);
      out('out-resize', document.querySelectorAll('.growth p').length + ' extra lines');
    },
    shrink: function () {
      document.querySelector('.growth').textContent = '';
      out('out-resize', '0 extra lines');
    },
    status: guard('out-server', function () {
      return withToken('/api/status').then(function (s) {
        var life = s.lifecycle.map(function (e) { return e.what + (e.verified ? ' verified' : ' REFUSED (' + e.detail + ')'); });
        var hooks = s.webhooks.map(function (w) { return w.event + ' ' + w.issueKey + (w.verified ? ' verified' : ' UNVERIFIED') + ' via ' + w.path; });
        return 'lifecycle: ' + (life.join('; ') || 'none') + '\nwebhooks: ' + (hooks.join('; ') || 'none');
      });
    }),
    'server-search': guard('out-server', function () {
      return withToken('/api/server-search').then(function (r) {
        return 'app server -> product: HTTP ' + r.status + ', ' + r.total + ' issues (' + r.keys.join(', ') + ')';
      });
    }),
    'item-title': guard('out-item', function () {
      var jira = has('jira');
      if (typeof jira.setDashboardItemTitle !== 'function') throw { code: 'NOT_AVAILABLE', message: 'AP.jira.setDashboardItemTitle is not provided by this host' };
      jira.setDashboardItemTitle('Renamed gadget');
      return 'title set';
    }),
    'inline-hide': function () { has('inlineDialog').hide(); },
    'macro-save': guard('out-editor', function () {
      var params = { color: document.getElementById('macro-color').value, title: document.getElementById('macro-title').value };
      return Promise.resolve(has('confluence').saveMacro(params, document.getElementById('macro-body-text').value)).then(function () {
        has('confluence').closeMacroEditor();
        return 'saved';
      });
    }),
    'macro-cancel': function () { has('confluence').closeMacroEditor(); },
    'wiki-read': guard('out-wiki', function () {
      return request({ url: '/rest/api/content/10001?expand=body.storage,version,space' }).then(function (r) {
        var page = parse(r.body);
        return page.title + ' v' + page.version.number + ' in ' + page.space.key + ' (' + page.body.storage.representation + ')';
      });
    }),
    'wiki-spaces': guard('out-wiki', function () {
      return request({ url: '/rest/api/space/' }).then(function (r) {
        return 'spaces: ' + parse(r.body).results.map(function (s) { return s.key + ' ' + s.name; }).join(', ');
      });
    }),
    'wiki-search': guard('out-wiki', function () {
      return request({ url: '/rest/api/content/search?cql=' + encodeURIComponent('space = DEMO and title ~ "notes"') }).then(function (r) {
        return 'found: ' + parse(r.body).results.map(function (p) { return p.title; }).join(', ');
      });
    }),
    'wiki-attach': guard('out-wiki-attach', function () {
      var bytes = new Uint8Array(256);
      for (var i = 0; i < bytes.length; i++) bytes[i] = 255 - i;
      var form = new FormData();
      var name = 'sample-' + Date.now() + '.bin';
      form.append('file', new Blob([bytes], { type: 'application/octet-stream' }), name);
      return request({ url: '/rest/api/content/10002/child/attachment', type: 'POST', contentType: 'multipart/form-data', data: form })
        .then(function () { return request({ url: '/rest/api/content/10002/child/attachment' }); })
        .then(function (r) {
          var found = parse(r.body).results.filter(function (a) { return a.title === name; })[0];
          return request({ url: found._links.download, binaryAttachment: true });
        })
        .then(function (r) {
          var got = new Uint8Array(r.body);
          var same = got.length === bytes.length && got.every(function (b, i) { return b === bytes[i]; });
          return 'uploaded 256 bytes, downloaded ' + got.length + ' bytes, ' + (same ? 'identical' : 'DIFFERENT');
        });
    }),
    'wiki-property': guard('out-wiki-property', function () {
      var url = '/rest/api/content/10003/property/sample';
      return request({ url: url }).then(function (r) { return parse(r.body).version.number; }, function () { return 0; }).then(function (version) {
        return request({ url: url, type: 'PUT', contentType: 'application/json', data: JSON.stringify({ key: 'sample', value: { score: version + 1 }, version: { number: version + 1 } }) });
      }).then(function () { return request({ url: url }); }).then(function (r) {
        var property = parse(r.body);
        return 'score ' + property.value.score + ' at version ' + property.version.number;
      });
    }),
    'wiki-location': guard('out-wiki-nav', function () {
      return has('navigator').getLocation().then(function (where) { return JSON.stringify(where); });
    }),
    'wiki-go': function () { has('navigator').go('contentview', { contentId: '10002' }); },
    'reader-read': guard('out-reader', function () {
      return request({ url: '/rest/api/3/myself' }).then(function (r) { return 'read ok: ' + parse(r.body).displayName; });
    }),
  };

  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('button[data-action]');
    if (button && actions[button.dataset.action]) actions[button.dataset.action]();
  });

  if (!window.AP) return;
  // Modules the plugin has no facade for appear after the handshake; AP.require waits for it.
  window.AP.require([], function () {
    if (window.AP.events && window.AP.events.on) {
      window.AP.events.on('sample.ping', function (data) {
        out('out-events', 'received sample.ping from ' + (data && data.from));
      });
    }
    if (view === 'panel' && window.AP.context) {
      window.AP.context.getContext().then(function (ctx) {
        var key = ctx && ctx.jira && ctx.jira.issue && ctx.jira.issue.key;
        out('panel-issue', key || '?');
        return request({ url: '/rest/api/3/issue/' + encodeURIComponent(key) }).then(function (r) {
          out('panel-summary', parse(r.body).fields.summary);
        });
      }).catch(function (error) { out('panel-summary', 'error: ' + describe(error)); });
    } else if (view === 'panel') {
      out('panel-issue', new URLSearchParams(location.search).get('issueKey'));
      out('panel-summary', 'AP.context is not provided by this host yet');
    }
    // Follow the product's light or dark theme (data-color-mode on <html>, read by app.css).
    if (window.AP.theming) window.AP.theming.initializeTheming();
    if (window.AP.history && window.AP.history.popState) {
      window.AP.history.popState(function (event) { out('out-history', 'popped to ' + JSON.stringify(event.hash)); });
    }
    if (document.body.dataset.name === 'dashboard-item' && window.AP.jira) {
      window.AP.jira.isDashboardItemEditable(function (editable) { out('out-item-mode', editable ? 'editable' : 'not editable'); });
      window.AP.jira.DashboardItem.onDashboardItemEdit(function () { out('out-item-mode', 'edit mode'); });
    }
    if (window.AP.dialog && window.AP.dialog.isDialog && view === 'module') {
      window.AP.dialog.getCustomData(function (data) { out('out-dialog-data', 'custom data: ' + JSON.stringify(data === undefined ? null : data)); });
    }
    if (view === 'macro') {
      var confluence = window.AP.confluence;
      confluence.getMacroData(function (data) {
        out('macro-data', JSON.stringify(data));
        out('chart-title', (data && data.title) || 'Untitled chart');
        document.querySelector('[data-testid="chart"]').className = 'chart ' + ((data && data.color) || 'blue');
      });
      confluence.getMacroBody(function (body) { out('macro-body', JSON.stringify(body)); });
      window.AP.context.getContext().then(function (ctx) {
        out('module-context', JSON.stringify(ctx));
        var id = ctx.confluence && ctx.confluence.content && ctx.confluence.content.id;
        return request({ url: '/rest/api/content/' + id + '?expand=body.storage,version,space' }).then(function (r) {
          var page = parse(r.body);
          out('macro-request', page.title + ' v' + page.version.number + ' in ' + page.space.key);
        });
      }).catch(function (error) { out('macro-request', 'error: ' + describe(error)); });
    }
    if (view === 'macro-editor') {
      window.AP.confluence.getMacroData(function (data) {
        if (data && data.color) document.getElementById('macro-color').value = data.color;
        if (data && data.title) document.getElementById('macro-title').value = data.title;
        out('out-editor', 'loaded ' + JSON.stringify(data || {}));
      });
      window.AP.confluence.getMacroBody(function (body) { document.getElementById('macro-body-text').value = body || ''; });
    }
    if (view === 'module' && window.AP.context) {
      window.AP.context.getContext().then(function (ctx) { out('module-context', JSON.stringify(ctx)); });
    }
    if (view === 'dialog' && window.AP.dialog && window.AP.dialog.getCustomData) {
      window.AP.dialog.getCustomData(function (data) { out('dialog-custom', JSON.stringify(data)); });
    }
  });
})();
