// The product side of AP.jira (the host's `jira` option, window.apProduct.jira): refreshing the issue
// page, the create-issue and issue dialogs, and dashboard items (editable, title, edit mode).
// Runs after product.js, which created the host with that (then empty) hooks object.
(function () {
  'use strict';
  var host = window.apHost;
  var product = window.apProduct;
  if (!host || !product) return;
  var state = product.state;
  var BridgeError = window.APHost.BridgeError;

  function itemOf(view) {
    var id = view && view.options && view.options.dashboardItemId;
    return id ? document.querySelector('[data-testid="dashboard-item"][data-item-id="' + CSS.escape(String(id)) + '"]') : null;
  }
  function notHere(what, where) {
    return new BridgeError('NOT_SUPPORTED', 'jira.' + what + ' is only available ' + where);
  }
  function el(tag, props, children) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (k) {
      if (k === 'text') node.textContent = props[k];
      else if (k.indexOf('aria-') === 0 || k === 'role') node.setAttribute(k, props[k]);
      else node[k] = props[k];
    });
    (children || []).forEach(function (c) { node.appendChild(c); });
    return node;
  }

  // A modal product dialog; `close()` removes it and gives focus back to what had it.
  function modal(id, titleText, className) {
    var opener = document.activeElement;
    var title = el('h2', { id: id, text: titleText });
    var box = el(className === 'form' ? 'form' : 'div', { className: 'wi-dialog ' + (className === 'form' ? 'create-issue' : 'issue-dialog'), role: 'dialog', 'aria-modal': 'true' }, [el('header', {}, [title])]);
    box.setAttribute('aria-labelledby', id);
    var overlay = el('div', { className: 'wi-overlay' }, [box]);
    document.body.appendChild(overlay);
    var onClose = null;
    function onKey(event) { if (event.key === 'Escape') { event.preventDefault(); close(); } }
    function close() {
      if (!overlay.isConnected) return;
      overlay.remove();
      document.removeEventListener('keydown', onKey, true);
      if (opener && opener.focus) opener.focus();
      if (onClose) onClose();
    }
    document.addEventListener('keydown', onKey, true);
    return { box: box, close: close, onClose: function (fn) { onClose = fn; } };
  }

  function footer(buttons) {
    return el('footer', {}, buttons);
  }

  // The create-issue form: "Summary" and "Create"; resolves the created issues ([] when cancelled),
  // as AP.jira.openCreateIssueDialog's callback receives them.
  function openCreateIssueDialog(params) {
    var fields = (params && params.fields && typeof params.fields === 'object') ? params.fields : {};
    var issueType = params && (params.issueType !== undefined) ? params.issueType : fields.issuetype;
    return new Promise(function (resolve) {
      var dialog = modal('create-issue-title', 'Create issue', 'form');
      var summary = el('input', { name: 'summary', required: true, maxLength: 255, value: typeof fields.summary === 'string' ? fields.summary : '' });
      var error = el('p', { className: 'bad', role: 'alert' });
      var create = el('button', { type: 'submit', className: 'button primary', text: 'Create' });
      var cancel = el('button', { type: 'button', className: 'button subtle', text: 'Cancel' });
      dialog.box.appendChild(el('div', { className: 'wi-dialog-body create-issue-body' }, [el('label', { text: 'Summary' }, [summary]), error]));
      dialog.box.appendChild(footer([create, cancel]));
      var created = [];
      dialog.onClose(function () { resolve(created); });
      summary.focus();
      cancel.addEventListener('click', dialog.close);
      dialog.box.addEventListener('submit', function (event) {
        event.preventDefault();
        var type = typeof issueType === 'string' ? { name: issueType } : typeof issueType === 'number' ? { id: String(issueType) } : (issueType && typeof issueType === 'object' ? issueType : { name: 'Task' });
        fetch('/rest/api/3/issue', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'X-Atlassian-Token': 'no-check' },
          body: JSON.stringify({ fields: { project: { key: 'DEMO' }, summary: summary.value, issuetype: type } }),
        }).then(function (response) {
          return response.json().then(function (json) {
            if (!response.ok) throw new Error((json.errorMessages || ['HTTP ' + response.status]).join(' '));
            created = [{ id: json.id, key: json.key, self: json.self, fields: { summary: summary.value } }];
            dialog.close();
          });
        }).catch(function (e) { error.textContent = e.message; });
      });
    });
  }

  // An issue in a dialog (key, summary, status, type); resolves when the user closes it.
  function openIssueDialog(key) {
    return fetch('/rest/api/3/issue/' + encodeURIComponent(key)).then(function (response) {
      if (response.status === 404) throw new BridgeError('INVALID_ARGUMENT', 'No issue ' + key);
      if (!response.ok) throw new Error('issue: HTTP ' + response.status);
      return response.json();
    }).then(function (issue) {
      return new Promise(function (resolve) {
        var dialog = modal('issue-dialog-title', issue.key, 'div');
        var f = issue.fields || {};
        var close = el('button', { type: 'button', className: 'button', text: 'Close' });
        dialog.box.appendChild(el('div', { className: 'wi-dialog-body create-issue-body' }, [
          el('p', { className: 'issue-dialog-summary', text: f.summary || '' }),
          el('p', { className: 'muted', text: [(f.issuetype || {}).name, (f.status || {}).name].filter(Boolean).join(' · ') }),
          el('a', { href: '/browse/' + encodeURIComponent(issue.key), text: 'Open ' + issue.key }),
        ]));
        dialog.box.appendChild(footer([close]));
        dialog.onClose(resolve);
        close.addEventListener('click', dialog.close);
        close.focus();
      });
    });
  }

  var onIssuePage = state.location.target === 'issue';
  Object.assign(product.jira, {
    refreshIssuePage: function () {
      if (!onIssuePage) throw notHere('refreshIssuePage', 'on an issue page');
      location.reload();
    },
    openCreateIssueDialog: function (params) { return openCreateIssueDialog(params); },
    openIssueDialog: function (key) { return openIssueDialog(key); },
    isDashboardItemEditable: function (view) {
      if (!itemOf(view)) throw notHere('isDashboardItemEditable', 'to dashboard items');
      return view.options.dashboardItemEditable === true;
    },
    setDashboardItemTitle: function (title, view) {
      var item = itemOf(view);
      if (!item) throw notHere('setDashboardItemTitle', 'to dashboard items');
      fetch('/jira/dashboards/10000/items/' + encodeURIComponent(item.getAttribute('data-item-id')) + '/title', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title: title }),
      }).then(function (response) {
        if (!response.ok) throw new Error('title: HTTP ' + response.status);
        return response.json();
      }).then(function (body) {
        item.querySelector('[data-testid="dashboard-item-title"]').textContent = body.title;
        var edit = item.querySelector('[data-dashboard-edit]');
        if (edit) edit.textContent = 'Edit ' + body.title;
      }).catch(function (error) { window.apInspector.note(view.app.key, 'jira.setDashboardItemTitle', String(error.message)); });
    },
  });

  // "Edit <title>": the item enters edit mode and its iframe hears DashboardItem.onDashboardItemEdit.
  document.querySelectorAll('[data-dashboard-edit]').forEach(function (button) {
    button.addEventListener('click', function () {
      var item = button.closest('[data-testid="dashboard-item"]');
      var editing = item.getAttribute('data-mode') !== 'edit';
      item.setAttribute('data-mode', editing ? 'edit' : 'view');
      button.setAttribute('aria-pressed', String(editing));
      item.querySelector('.edit-badge').hidden = !editing;
      if (!editing) return;
      host.views().forEach(function (v) {
        if (v.options && String(v.options.dashboardItemId) === item.getAttribute('data-item-id')) v.emit('jira.dashboardItem.edit');
      });
    });
  });
})();
