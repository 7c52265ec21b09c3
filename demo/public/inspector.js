// The simulator's bridge inspector: every AP call with its arguments and its result or error, and
// every refused message, filterable by app and module, pausable, clearable and exportable as JSON.
// App data only ever reaches the DOM as text; tokens, JWTs and cookie values are redacted before
// they are kept at all.
(function () {
  'use strict';
  var MAX_ENTRIES = 1000;
  var JWT = /^[\w-]{8,}\.[\w-]{8,}\.[\w-]{8,}$/;
  var SECRET_KEY = /token|jwt|secret|password|cookie|authorization/i;
  var REDACTED = '«redacted»';

  /** A JSON-safe copy with secrets replaced, depth- and size-bounded. */
  function redact(value, depth) {
    if (typeof value === 'string') return JWT.test(value) ? '«redacted JWT»' : value.length > 500 ? value.slice(0, 500) + '…' : value;
    if (value === null || typeof value !== 'object') return typeof value === 'function' || value === undefined ? String(value) : value;
    if (value instanceof ArrayBuffer) return '«ArrayBuffer ' + value.byteLength + ' bytes»';
    if (typeof Blob !== 'undefined' && value instanceof Blob) return '«Blob ' + value.size + ' bytes»';
    if (depth > 4) return '…';
    if (Array.isArray(value)) return value.slice(0, 50).map(function (item) { return redact(item, depth + 1); });
    var out = {};
    Object.keys(value).slice(0, 50).forEach(function (key) {
      out[key] = SECRET_KEY.test(key) ? REDACTED : redact(value[key], depth + 1);
    });
    return out;
  }

  /** What a call may show: a context token and cookie values never leave the module that holds them. */
  function visible(info) {
    var args = info.args || [];
    var result = info.result;
    if (info.module === 'context' && info.method === 'getToken') result = REDACTED;
    if (info.module === 'cookie') {
      args = args.slice(0, 1).concat(args.length > 1 ? [REDACTED] : []);
      if (info.method === 'read' && result !== undefined) result = REDACTED;
    }
    return { args: redact(args, 0), result: redact(result, 0) };
  }

  function time(at) {
    var d = new Date(at);
    return d.toTimeString().slice(0, 8) + '.' + String(d.getMilliseconds()).padStart(3, '0');
  }

  function text(tag, value, className) {
    var node = document.createElement(tag);
    node.textContent = value;
    if (className) node.className = className;
    return node;
  }

  var root = document.getElementById('inspector');
  if (!root) return;
  var rowsEl = document.getElementById('inspector-rows');
  var toggle = document.getElementById('inspector-toggle');
  var countEl = document.getElementById('inspector-count');
  var appFilter = document.getElementById('inspector-app');
  var moduleFilter = document.getElementById('inspector-module');
  var pause = document.getElementById('inspector-pause');
  var entries = [];
  var paused = false;
  var seen = { app: new Set(), module: new Set() };

  function matches(entry) {
    return (!appFilter.value || entry.app === appFilter.value) && (!moduleFilter.value || entry.module === moduleFilter.value);
  }

  function row(entry) {
    var tr = document.createElement('tr');
    tr.className = entry.kind;
    tr.setAttribute('data-testid', 'inspector-row');
    [time(entry.at), entry.app, entry.module, entry.method, entry.duration, entry.outcome].forEach(function (value) {
      tr.appendChild(text('td', value));
    });
    var cell = document.createElement('td');
    if (entry.args !== undefined) {
      var details = document.createElement('details');
      details.appendChild(text('summary', 'details'));
      // Filled when first opened: a thousand rows of JSON are not built, or searched, until wanted.
      details.addEventListener('toggle', function () {
        if (!details.open || details.childNodes.length > 1) return;
        details.appendChild(text('pre', 'args: ' + JSON.stringify(entry.args, null, 1)));
        details.appendChild(text('pre', entry.outcome === 'ok' ? 'result: ' + JSON.stringify(entry.result, null, 1) : 'error: ' + entry.outcome + (entry.message ? ' — ' + entry.message : '')));
      });
      cell.appendChild(details);
    }
    tr.appendChild(cell);
    return tr;
  }

  function render() {
    rowsEl.textContent = '';
    for (var i = entries.length - 1; i >= 0; i--) if (matches(entries[i])) rowsEl.appendChild(row(entries[i]));
  }

  function option(select, set, value) {
    if (!value || set.has(value)) return;
    set.add(value);
    select.appendChild(text('option', value));
    select.lastChild.value = value;
  }

  function add(entry) {
    if (paused) return;
    entries.push(entry);
    if (entries.length > MAX_ENTRIES) entries.shift();
    option(appFilter, seen.app, entry.app);
    option(moduleFilter, seen.module, entry.module);
    countEl.textContent = String(entries.length);
    if (matches(entry)) {
      rowsEl.insertBefore(row(entry), rowsEl.firstChild);
      while (rowsEl.children.length > MAX_ENTRIES) rowsEl.removeChild(rowsEl.lastChild);
    }
  }

  function setOpen(open) {
    root.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    document.body.classList.toggle('inspector-open', open);
    try { localStorage.setItem('apb-inspector', open ? '1' : '0'); } catch { /* storage may be blocked */ }
  }
  toggle.addEventListener('click', function () { setOpen(root.hidden); });
  try { setOpen(localStorage.getItem('apb-inspector') === '1'); } catch { setOpen(false); }
  appFilter.addEventListener('change', render);
  moduleFilter.addEventListener('change', render);
  pause.addEventListener('click', function () {
    paused = !paused;
    pause.setAttribute('aria-pressed', String(paused));
    pause.textContent = paused ? 'Resume' : 'Pause';
  });
  document.getElementById('inspector-clear').addEventListener('click', function () {
    entries = [];
    countEl.textContent = '0';
    render();
  });
  document.getElementById('inspector-export').addEventListener('click', function () {
    var blob = new Blob([JSON.stringify(entries, null, 2)], { type: 'application/json' });
    var link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = 'apbridge-calls.json';
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  });

  window.apInspector = {
    call: function (info) {
      var shown = visible(info);
      add({
        kind: info.outcome === 'ok' ? 'ok' : 'bad',
        at: Date.now(),
        app: info.appKey,
        module: info.module,
        method: info.method,
        duration: info.duration.toFixed(1) + ' ms',
        outcome: info.outcome,
        args: shown.args,
        result: info.outcome === 'ok' ? shown.result : undefined,
        message: info.message,
      });
    },
    refused: function (info) {
      add({ kind: 'refused', at: Date.now(), app: info.appKey || info.origin, module: '(refused)', method: '', duration: '', outcome: info.reason + (info.count > 1 ? ' ×' + info.count : '') });
    },
    note: function (app, what, outcome) {
      add({ kind: 'bad', at: Date.now(), app: app, module: what, method: '', duration: '', outcome: outcome });
    },
    entries: function () { return entries.slice(); },
  };
})();
