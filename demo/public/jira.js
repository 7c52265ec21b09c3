// The product side of AP.jira, for the host's jira module to be wired to (window.apJira): dashboard
// items (editable, title, edit mode) and the create-issue dialog. Runs after product.js.
(function () {
  'use strict';
  var host = window.apHost;
  if (!host) return;

  function itemOf(view) {
    var id = view && view.options && view.options.dashboardItemId;
    return id ? document.querySelector('[data-testid="dashboard-item"][data-item-id="' + CSS.escape(String(id)) + '"]') : null;
  }
  var editListeners = [];

  // The create-issue form: a modal dialog with "Summary" and "Create"; resolves the created issues
  // (none when cancelled), as AP.jira.openCreateIssueDialog's callback receives them.
  function openCreateIssueDialog(fields) {
    var preset = (fields && typeof fields === 'object') ? fields : {};
    var opener = document.activeElement;
    return new Promise(function (resolve) {
      var overlay = document.createElement('div');
      overlay.className = 'wi-overlay';
      var form = document.createElement('form');
      form.className = 'wi-dialog create-issue';
      form.setAttribute('role', 'dialog');
      form.setAttribute('aria-modal', 'true');
      form.setAttribute('aria-labelledby', 'create-issue-title');
      var header = document.createElement('header');
      var title = document.createElement('h2');
      title.id = 'create-issue-title';
      title.textContent = 'Create issue';
      header.appendChild(title);
      var body = document.createElement('div');
      body.className = 'wi-dialog-body create-issue-body';
      var label = document.createElement('label');
      label.textContent = 'Summary';
      var summary = document.createElement('input');
      summary.name = 'summary';
      summary.required = true;
      summary.maxLength = 255;
      summary.value = typeof preset.summary === 'string' ? preset.summary : '';
      label.appendChild(summary);
      var error = document.createElement('p');
      error.className = 'bad';
      error.setAttribute('role', 'alert');
      body.appendChild(label);
      body.appendChild(error);
      var footer = document.createElement('footer');
      var create = document.createElement('button');
      create.type = 'submit';
      create.className = 'button primary';
      create.textContent = 'Create';
      var cancel = document.createElement('button');
      cancel.type = 'button';
      cancel.className = 'button subtle';
      cancel.textContent = 'Cancel';
      footer.appendChild(create);
      footer.appendChild(cancel);
      form.appendChild(header);
      form.appendChild(body);
      form.appendChild(footer);
      overlay.appendChild(form);
      document.body.appendChild(overlay);
      summary.focus();
      function done(created) {
        overlay.remove();
        document.removeEventListener('keydown', onKey, true);
        if (opener && opener.focus) opener.focus();
        resolve(created);
      }
      function onKey(event) { if (event.key === 'Escape') { event.preventDefault(); done([]); } }
      document.addEventListener('keydown', onKey, true);
      cancel.addEventListener('click', function () { done([]); });
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        var issueType = typeof preset.issuetype === 'string' ? preset.issuetype : 'Task';
        fetch('/rest/api/3/issue', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ fields: { project: { key: 'DEMO' }, summary: summary.value, issuetype: { name: issueType } } }),
        }).then(function (response) {
          return response.json().then(function (json) {
            if (!response.ok) throw new Error((json.errorMessages || ['HTTP ' + response.status]).join(' '));
            done([{ id: json.id, key: json.key, self: json.self, fields: { summary: summary.value } }]);
          });
        }).catch(function (e) { error.textContent = e.message; });
      });
    });
  }

  window.apJira = {
    isDashboardItemEditable: function (view) { return !!(view && view.options && view.options.dashboardItemEditable); },
    setDashboardItemTitle: function (view, title) {
      var item = itemOf(view);
      if (!item) return Promise.reject(new Error('not a dashboard item'));
      return fetch('/jira/dashboards/10000/items/' + encodeURIComponent(item.getAttribute('data-item-id')) + '/title', {
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
      });
    },
    // DashboardItem.onDashboardItemEdit: the jira module registers here and is told which view to tell.
    onDashboardItemEdit: function (listener) { editListeners.push(listener); },
    openCreateIssueDialog: function (_view, fields) { return openCreateIssueDialog(fields); },
  };

  document.querySelectorAll('[data-dashboard-edit]').forEach(function (button) {
    button.addEventListener('click', function () {
      var item = button.closest('[data-testid="dashboard-item"]');
      var editing = item.getAttribute('data-mode') !== 'edit';
      item.setAttribute('data-mode', editing ? 'edit' : 'view');
      button.setAttribute('aria-pressed', String(editing));
      item.querySelector('.edit-badge').hidden = !editing;
      if (!editing) return;
      var view = host.views().filter(function (v) { return v.options && String(v.options.dashboardItemId) === item.getAttribute('data-item-id'); })[0];
      editListeners.forEach(function (listener) { listener(view); });
    });
  });
})();
