// Acme Wiki's page client: creates the apbridge host for Confluence (context path /wiki, AP.confluence
// hooks, inline dialogs, Confluence navigator targets), mounts the page's macro iframes, opens byline
// items, and runs the editor's "Insert macro" menu, macro editors and generated parameter forms.
// The editor's macro menu, editors and forms are in wiki-editor.js; all app text reaches the DOM as text.
(function () {
  'use strict';
  var inspector = window.apInspector;
  var APHost = window.APHost;
  var stateEl = document.getElementById('ap-page');
  if (!stateEl || !APHost) return;
  var state = JSON.parse(stateEl.textContent);
  var cp = state.contextPath;
  var pageInfo = state.page || null;

  document.addEventListener('click', function (event) {
    document.querySelectorAll('details.menu[open]').forEach(function (menu) {
      if (!menu.contains(event.target)) menu.removeAttribute('open');
    });
  });

  function refuse(message) {
    return new APHost.BridgeError(APHost.ErrorCode.NOT_ALLOWED, message);
  }
  function appKey(app) {
    return typeof app === 'string' ? app : app && app.key;
  }
  function postJson(path, body) {
    return fetch(cp + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(function (response) {
      if (!response.ok) throw new Error(path + ': HTTP ' + response.status);
      return response.json();
    });
  }
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === 'text') node.textContent = attrs[name];
      else node.setAttribute(name, attrs[name]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  // Which macro instance each iframe shows, and which editor session each macro editor belongs to:
  // AP.confluence answers a view only about its own macro.
  var macroViews = new WeakMap();
  var editorSessions = new WeakMap();

  function propertyUrl(key) {
    if (!pageInfo) throw refuse('content properties need a page');
    return cp + '/rest/api/content/' + encodeURIComponent(pageInfo.id) + '/property/' + encodeURIComponent(key);
  }
  function readProperty(key, view) {
    return fetch(propertyUrl(key), { headers: { 'AP-Client-Key': view.app.key } }).then(function (response) {
      if (response.status === 404) return undefined;
      if (!response.ok) throw new APHost.BridgeError(APHost.ErrorCode.REQUEST_FAILED, 'content property: HTTP ' + response.status);
      return response.json();
    });
  }

  var host = APHost.createHost({
    productBaseUrl: state.productBaseUrl,
    contextPath: cp,
    user: { accountId: state.user.accountId, timeZone: state.user.timeZone, locale: state.user.locale },
    resolveModuleUrl: function (app, moduleKey) {
      return postJson('/simulator/module-url', { app: appKey(app), moduleKey: moduleKey, pageId: pageInfo && pageInfo.id }).then(function (m) { return m.url; });
    },
    getContextToken: function (app, view) {
      return postJson('/simulator/context-token', { app: appKey(app), moduleKey: view && view.moduleKey, context: view && view.context }).then(function (body) { return body.token; });
    },
    request: {
      allowedPaths: ['/rest/api/', '/rest/atlassian-connect/1/', '/api/v2/', '/download/'],
      // Confluence's XSRF header, which its attachment upload requires.
      headers: { 'X-Atlassian-Token': 'no-check' },
      maxConcurrentPerApp: 16,
      maxBodyBytes: 10 * 1024 * 1024,
    },
    ui: { container: document.getElementById('ap-ui'), theme: 'light' },
    navigator: {
      getLocation: function () { return { target: state.location.target, context: state.location.context }; },
      go: function (target, context) {
        var id = context.contentId !== undefined ? encodeURIComponent(String(context.contentId)) : '';
        if (target === 'contentview' && id) location.assign(cp + '/pages/viewpage.action?pageId=' + id);
        else if (target === 'contentedit' && id) location.assign(cp + '/pages/editpage.action?pageId=' + id);
        else if (target === 'spaceview' && typeof context.spaceKey === 'string') location.assign(cp + '/spaces/' + encodeURIComponent(context.spaceKey));
        else if (target === 'addonModule' && typeof context.moduleKey === 'string') {
          location.assign(cp + '/plugins/servlet/ac/' + encodeURIComponent(context.addonKey) + '/' + encodeURIComponent(context.moduleKey));
        } else if (target === 'dashboard' || target === 'site') location.assign(cp + '/');
        else throw new APHost.BridgeError(APHost.ErrorCode.NOT_SUPPORTED, 'Acme Wiki cannot go to "' + target + '" with that context');
      },
      reload: function () { location.reload(); },
    },
    confluence: {
      getMacroData: function (view) {
        var session = editorSessions.get(view);
        if (session) return Object.assign({}, session.instance.params);
        var macro = macroViews.get(view);
        if (macro) return Object.assign({}, macro.params);
        throw refuse('getMacroData answers macros and macro editors only');
      },
      getMacroBody: function (view) {
        var session = editorSessions.get(view);
        if (session) return session.instance.body || '';
        var macro = macroViews.get(view);
        if (macro) return macro.body || '';
        throw refuse('getMacroBody answers macros and macro editors only');
      },
      saveMacro: function (params, body, view) {
        var session = editorSessions.get(view);
        if (!session) throw refuse('saveMacro is for macro editors');
        session.save(params, body);
      },
      closeMacroEditor: function (view) {
        var session = editorSessions.get(view);
        if (!session) throw refuse('closeMacroEditor is for macro editors');
        session.close();
      },
      getContentProperty: readProperty,
      syncPropertyFromServer: readProperty,
      setContentProperty: function (property, view) {
        return fetch(propertyUrl(property.key), {
          method: 'PUT',
          headers: { 'content-type': 'application/json', 'AP-Client-Key': view.app.key },
          body: JSON.stringify({ key: property.key, value: property.value, version: property.version || { number: 1 } }),
        }).then(function (response) {
          return response.json().then(function (body) {
            return response.ok ? { property: body } : { error: body.message || 'HTTP ' + response.status };
          });
        });
      },
    },
    inlineDialog: {
      hide: function (view) {
        if (!inline || inline.view !== view) throw refuse('this view is not shown in an inline dialog');
        closeInline();
      },
    },
    onCall: function (info) { inspector.call(info); },
    onRejected: function (info) { inspector.refused(info); },
  });
  window.apHost = host;

  state.apps.forEach(function (app) {
    try {
      host.registerApp(app);
    } catch (error) {
      inspector.note(app.key, '(register)', String((error && error.code) || error));
    }
  });
  state.views.forEach(function (spec) {
    var container = document.getElementById(spec.container);
    if (!container) return;
    var view = host.create({ app: spec.app, moduleKey: spec.moduleKey, url: spec.url, context: spec.context, options: spec.options || {}, height: spec.height, width: spec.width }, container);
    if (spec.macro) macroViews.set(view, spec.macro);
  });

  // A dialog drawn by the wiki: byline items with target dialog, macro editors and macro forms. It
  // keeps focus and closes on Escape (modal.js).
  function openDialog(options) {
    var previous = document.activeElement;
    var overlay = el('div', { class: 'wi-overlay' });
    var title = el('h2', { id: 'wiki-dialog-title-' + Date.now(), text: options.title });
    var close = el('button', { type: 'button', class: 'button subtle', text: 'Close' });
    var body = el('div', { class: 'wi-dialog-body' });
    var dialog = el('div', { class: 'wi-dialog', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': title.id }, [el('header', {}, [title, close]), body]);
    if (options.width) dialog.style.width = options.width;
    if (options.height) dialog.style.height = 'calc(' + options.height + ' + 56px)';
    overlay.appendChild(dialog);
    document.body.appendChild(overlay);
    var closed = false;
    function done() {
      if (closed) return;
      closed = true;
      if (options.onClose) options.onClose();
      overlay.remove();
      release();
      if (previous && previous.focus) previous.focus();
    }
    close.addEventListener('click', done);
    var release = window.apModal(dialog, done);
    close.focus();
    return { body: body, close: done };
  }

  // Inline dialogs: anchored under the byline item, closed by AP.inlineDialog.hide(), Escape or a click elsewhere.
  var inline = null;
  function closeInline() {
    if (!inline) return;
    var current = inline;
    inline = null;
    current.view.destroy();
    current.el.remove();
    current.trigger.setAttribute('aria-expanded', 'false');
  }
  function openInline(trigger, m) {
    closeInline();
    var box = el('div', { class: 'wi-inline', role: 'dialog', 'aria-label': m.title });
    var rect = trigger.getBoundingClientRect();
    box.style.top = Math.round(rect.bottom + window.scrollY + 4) + 'px';
    box.style.left = Math.round(Math.max(8, Math.min(rect.left + window.scrollX, window.innerWidth - 340))) + 'px';
    document.body.appendChild(box);
    trigger.setAttribute('aria-expanded', 'true');
    var height = (m.options && m.options.height) || '200px';
    var view = host.create({ app: trigger.getAttribute('data-app'), moduleKey: m.moduleKey, url: m.url, context: m.context, options: { isInlineDialog: true }, width: '320px', height: height }, box);
    inline = { el: box, view: view, trigger: trigger };
  }
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && inline) { var t = inline.trigger; closeInline(); t.focus(); }
  });
  document.addEventListener('click', function (event) {
    if (inline && !inline.el.contains(event.target) && !inline.trigger.contains(event.target)) closeInline();
  });
  document.addEventListener('click', function (event) {
    var trigger = event.target.closest && event.target.closest('button[data-byline]');
    if (!trigger) return;
    if (inline && inline.trigger === trigger) return closeInline();
    postJson('/simulator/module-url', { app: trigger.getAttribute('data-app'), moduleKey: trigger.getAttribute('data-module'), pageId: pageInfo && pageInfo.id }).then(function (m) {
      if (trigger.getAttribute('data-byline') === 'dialog') {
        var view = null;
        var box = openDialog({ title: m.title, onClose: function () { if (view) view.destroy(); } });
        view = host.create({ app: trigger.getAttribute('data-app'), moduleKey: m.moduleKey, url: m.url, context: m.context, options: { isDialog: true }, width: '100%', height: '100%' }, box.body);
      } else {
        openInline(trigger, m);
      }
    }).catch(function (error) { window.alert('Could not open ' + trigger.textContent + ': ' + error.message); });
  });

  if (state.editor) window.apWikiEditor = { host: host, openDialog: openDialog, editorSessions: editorSessions, postJson: postJson, el: el, state: state };
})();
