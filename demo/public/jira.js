// The product side of AP.jira (the host's `jira` option, window.apProduct.jira): refreshing the issue
// page, the create-issue and issue dialogs, the date picker, the JQL editor, dashboard items
// (editable, title, edit mode) and workflow post function pages (configuration, Add / Update).
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

  // A modal product dialog: keeps focus and closes on Escape (modal.js); `close()` removes it and
  // gives focus back to what had it.
  function modal(id, titleText, className) {
    var opener = document.activeElement;
    var title = el('h2', { id: id, text: titleText });
    var box = el(className === 'form' ? 'form' : 'div', { className: 'wi-dialog ' + (className === 'form' ? 'create-issue' : 'issue-dialog'), role: 'dialog', 'aria-modal': 'true' }, [el('header', {}, [title])]);
    box.setAttribute('aria-labelledby', id);
    var overlay = el('div', { className: 'wi-overlay' }, [box]);
    document.body.appendChild(overlay);
    var onClose = null;
    function close() {
      if (!overlay.isConnected) return;
      overlay.remove();
      release();
      if (opener && opener.focus) opener.focus();
      if (onClose) onClose();
    }
    var release = window.apModal(box, close);
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

  // Jira's date picker as a popover below the point the app gave (px in its iframe), or centred on the
  // iframe. Resolves with "YYYY-MM-DD" ("YYYY-MM-DDTHH:mm±hh:mm" with showTime), '' when dismissed.
  function openDatePicker(request, view) {
    var showTime = request.showTime === true;
    var frame = view.iframe.getBoundingClientRect();
    var at = request.position || { top: Math.min(frame.height, 40), left: 16 };
    var opener = document.activeElement;
    return new Promise(function (resolve) {
      var input = el('input', { type: showTime ? 'datetime-local' : 'date', name: 'date', required: true });
      var preset = request.date ? new Date(request.date) : new Date();
      if (!isNaN(preset.getTime())) {
        var local = new Date(preset.getTime() - preset.getTimezoneOffset() * 60000).toISOString();
        input.value = showTime ? local.slice(0, 16) : local.slice(0, 10);
      }
      var select = el('button', { type: 'submit', className: 'button primary', text: 'Select' });
      var cancel = el('button', { type: 'button', className: 'button subtle', text: 'Cancel' });
      var box = el('form', { className: 'wi-inline date-picker', role: 'dialog', 'aria-label': showTime ? 'Pick a date and time' : 'Pick a date' }, [
        el('label', { text: showTime ? 'Date and time' : 'Date' }, [input]),
        el('footer', {}, [select, cancel]),
      ]);
      box.style.top = Math.round(frame.top + scrollY + at.top + 4) + 'px';
      box.style.left = Math.round(frame.left + scrollX + at.left) + 'px';
      document.body.appendChild(box);
      input.focus();
      function done(value) {
        if (!box.isConnected) return;
        box.remove();
        document.removeEventListener('keydown', onKey, true);
        document.removeEventListener('mousedown', onOutside, true);
        if (opener && opener.focus) opener.focus();
        resolve(value);
      }
      function onKey(event) { if (event.key === 'Escape') { event.preventDefault(); done(''); } }
      function onOutside(event) { if (!box.contains(event.target)) done(''); }
      document.addEventListener('keydown', onKey, true);
      document.addEventListener('mousedown', onOutside, true);
      cancel.addEventListener('click', function () { done(''); });
      box.addEventListener('submit', function (event) {
        event.preventDefault();
        if (!input.value) return;
        if (!showTime) return done(input.value);
        var offset = -new Date(input.value).getTimezoneOffset();
        var abs = Math.abs(offset);
        done(input.value + (offset < 0 ? '-' : '+') + String(Math.floor(abs / 60)).padStart(2, '0') + ':' + String(abs % 60).padStart(2, '0'));
      });
    });
  }

  // The JQL editor: a dialog with the app's texts and a JQL field; resolves with the JQL submitted,
  // or null when cancelled (AP.jira.showJQLEditor's callback runs on a submit only).
  function showJQLEditor(options) {
    return new Promise(function (resolve) {
      var dialog = modal('jql-editor-title', options.header || 'Edit JQL', 'form');
      var jql = el('textarea', { name: 'jql', rows: 4, value: options.jql || '' });
      var body = [el('label', { text: 'JQL' }, [jql])];
      if (options.descriptionText) body.unshift(el('p', { className: 'muted', text: options.descriptionText }));
      var submit = el('button', { type: 'submit', className: 'button primary', text: options.submitText || 'Search' });
      var cancel = el('button', { type: 'button', className: 'button subtle', text: options.cancelText || 'Cancel' });
      dialog.box.appendChild(el('div', { className: 'wi-dialog-body create-issue-body' }, body));
      dialog.box.appendChild(footer([submit, cancel]));
      var submitted = null;
      dialog.onClose(function () { resolve(submitted); });
      jql.focus();
      cancel.addEventListener('click', dialog.close);
      dialog.box.addEventListener('submit', function (event) {
        event.preventDefault();
        submitted = jql.value.trim();
        dialog.close();
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
    openDatePicker: function (request, view) { return openDatePicker(request, view); },
    showJQLEditor: function (options) { return showJQLEditor(options); },
    getWorkflowConfiguration: function (view) {
      var fn = view && view.options && view.options.postFunction;
      if (!fn) throw notHere('getWorkflowConfiguration', 'to workflow post function pages');
      return { id: fn.id, value: fn.config };
    },
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

  // A post function's create or edit page: Add / Update asks the app's page whether its form is valid
  // (WorkflowConfiguration.onSaveValidation), then for the configuration (onSave), and stores it.
  var saveButton = document.querySelector('[data-post-function-save]');
  if (saveButton) {
    var errorBox = document.querySelector('[data-testid="post-function-error"]');
    var showError = function (text) {
      errorBox.textContent = text;
      errorBox.hidden = false;
      saveButton.disabled = false;
    };
    var store = function (config) {
      return fetch('/admin/workflows/post-functions/' + encodeURIComponent(saveButton.getAttribute('data-id')), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ function: saveButton.getAttribute('data-function'), transitionId: Number(saveButton.getAttribute('data-transition')), config: config }),
      }).then(function (response) {
        if (!response.ok) throw new Error('HTTP ' + response.status);
        location.assign('/admin/workflows');
      });
    };
    saveButton.addEventListener('click', function () {
      var view = host.views().filter(function (v) { return v.options && v.options.postFunction; })[0];
      saveButton.disabled = true;
      errorBox.hidden = true;
      // A function without a create page has nothing to configure.
      var saved = !view ? store('') : view.call('jiraWorkflow', 'validate').then(function (valid) {
        if (valid === false) return showError('The app did not accept this configuration: check its form.');
        return view.call('jiraWorkflow', 'save').then(function (config) {
          return store(typeof config === 'string' ? config : config === undefined ? '' : JSON.stringify(config));
        });
      });
      saved.catch(function (error) {
        showError('The configuration could not be saved (' + String(error && (error.code || error.message) || error) + ').');
      });
    });
  }

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
