// Acme Wiki's page editor: the "Insert macro" menu, each macro's editor (the app's, in a dialog, with
// AP.confluence.getMacroData/getMacroBody/saveMacro/closeMacroEditor) or a form generated from its
// parameters, the "Edit <macro>" action on placed macros, and Publish (the server writes storage).
(function () {
  'use strict';
  var wiki = window.apWikiEditor;
  if (!wiki) return;
  var host = wiki.host;
  var el = wiki.el;
  var editor = wiki.state.editor;
  var macros = editor.macros.slice();
  var definitions = editor.definitions;
  var body = document.getElementById('wiki-editor-body');
  var form = document.querySelector('form.wiki-editor');
  var menuButton = document.getElementById('insert-macro');
  var menu = document.getElementById('macro-menu');

  function definitionOf(name) {
    return definitions.filter(function (d) { return d.key === name; })[0];
  }
  function newId() {
    return window.crypto && window.crypto.randomUUID ? window.crypto.randomUUID() : String(Date.now()) + Math.random().toString(16).slice(2);
  }

  // Where the caret was in the page body, so that an inserted macro lands there (else at the end).
  var caret = null;
  document.addEventListener('selectionchange', function () {
    var selection = window.getSelection();
    if (selection && selection.rangeCount && body.contains(selection.anchorNode)) caret = selection.getRangeAt(0).cloneRange();
  });

  function chip(index, name) {
    return el('span', { class: 'macro-chip', contenteditable: 'false', 'data-macro': String(index) }, [
      el('span', { class: 'macro-chip-name', text: name }),
      el('button', { type: 'button', class: 'button subtle', 'data-edit-macro': String(index), text: 'Edit ' + name }),
    ]);
  }
  function place(index, definition) {
    var node = chip(index, definition.name);
    if (caret && body.contains(caret.startContainer)) {
      caret.collapse(false);
      caret.insertNode(node);
    } else {
      var paragraph = el('p', {}, [node]);
      body.appendChild(paragraph);
    }
    node.querySelector('button').focus();
  }

  /** Keeps an edit in one place: a new macro is placed once, then later saves update it. */
  function commit(session) {
    if (session.index === null) {
      macros.push(session.instance);
      session.index = macros.length - 1;
      place(session.index, session.definition);
    } else {
      macros[session.index] = session.instance;
    }
  }

  function startEdit(definition, index) {
    var existing = index === null ? null : macros[index];
    var instance = existing
      ? { name: existing.name, macroId: existing.macroId, params: Object.assign({}, existing.params), body: existing.body, bodyType: existing.bodyType }
      : { name: definition.key, macroId: newId(), params: {}, body: '', bodyType: definition.bodyType };
    var session = { definition: definition, instance: instance, index: index };
    if (definition.editor) openEditor(session, existing !== null);
    else openForm(session, existing !== null);
  }

  function openEditor(session, editing) {
    var definition = session.definition;
    var view = null;
    var box = wiki.openDialog({
      title: editing ? definition.editor.editTitle : definition.editor.insertTitle,
      width: definition.editor.width,
      height: definition.editor.height,
      onClose: function () { if (view) view.destroy(); },
    });
    session.close = box.close;
    session.save = function (params, text) {
      var clean = {};
      Object.keys(params || {}).forEach(function (name) {
        if (params[name] !== undefined && params[name] !== null) clean[name] = typeof params[name] === 'string' ? params[name] : JSON.stringify(params[name]);
      });
      session.instance.params = clean;
      if (definition.bodyType && typeof text === 'string') session.instance.body = text;
      commit(session);
    };
    wiki.postJson('/simulator/module-url', { app: definition.app, moduleKey: definition.key, pageId: wiki.state.page.id, editor: true, macro: editing ? session.instance : undefined })
      .then(function (m) {
        view = host.create({ app: definition.app, moduleKey: definition.key, url: m.url, context: m.context, options: { isDialog: true }, width: '100%', height: '100%' }, box.body);
        wiki.editorSessions.set(view, session);
      })
      .catch(function (error) { box.body.textContent = 'Could not open the macro editor: ' + error.message; });
  }

  function field(parameter, value) {
    var id = 'macro-param-' + parameter.identifier;
    var input;
    if (parameter.type === 'boolean') {
      input = el('input', { type: 'checkbox', id: id, name: parameter.identifier });
      input.checked = value === 'true';
      return el('div', { class: 'field check' }, [input, el('label', { for: id, text: parameter.name })]);
    }
    var options = parameter.type === 'enum' ? parameter.values.map(function (v) { return { value: v, label: v }; })
      : parameter.type === 'spacekey' ? editor.spaces.map(function (s) { return { value: s.key, label: s.name + ' (' + s.key + ')' }; })
      : parameter.type === 'username' ? editor.users.map(function (u) { return { value: u.accountId, label: u.displayName }; })
      : null;
    if (options) {
      input = el('select', { id: id, name: parameter.identifier }, [parameter.required ? null : el('option', { value: '', text: '(none)' })].concat(options.map(function (o) {
        return el('option', { value: o.value, text: o.label });
      })));
    } else {
      input = el('input', { id: id, name: parameter.identifier, type: parameter.type === 'int' ? 'number' : 'text' });
      if (parameter.type === 'int') input.step = '1';
    }
    if (parameter.required) input.required = true;
    input.value = value !== undefined ? value : parameter.defaultValue || '';
    return el('div', { class: 'field' }, [el('label', { for: id, text: parameter.name + (parameter.required ? ' (required)' : '') }), input]);
  }

  function openForm(session, editing) {
    var definition = session.definition;
    var box = wiki.openDialog({ title: (editing ? 'Edit ' : 'Insert ') + definition.name });
    var macroForm = el('form', { class: 'macro-form', 'aria-label': definition.name + ' parameters' });
    definition.parameters.forEach(function (parameter) { macroForm.appendChild(field(parameter, session.instance.params[parameter.identifier])); });
    var bodyInput = null;
    if (definition.bodyType) {
      bodyInput = el('textarea', { id: 'macro-body', rows: '4' });
      bodyInput.value = session.instance.body || '';
      macroForm.appendChild(el('div', { class: 'field' }, [el('label', { for: 'macro-body', text: definition.bodyType === 'rich-text' ? 'Body (rich text)' : 'Body (plain text)' }), bodyInput]));
    }
    var cancel = el('button', { type: 'button', class: 'button subtle', text: 'Cancel' });
    macroForm.appendChild(el('div', { class: 'form-actions' }, [el('button', { type: 'submit', class: 'button primary', text: editing ? 'Save' : 'Insert' }), cancel]));
    cancel.addEventListener('click', box.close);
    macroForm.addEventListener('submit', function (event) {
      event.preventDefault();
      var params = {};
      definition.parameters.forEach(function (parameter) {
        var input = macroForm.elements.namedItem(parameter.identifier);
        var value = parameter.type === 'boolean' ? String(input.checked) : input.value;
        if (value !== '') params[parameter.identifier] = value;
      });
      session.instance.params = params;
      if (bodyInput) session.instance.body = bodyInput.value;
      commit(session);
      box.close();
    });
    box.body.appendChild(macroForm);
    var first = macroForm.querySelector('input, select, textarea');
    if (first) first.focus();
  }

  // The menu: one button per installed macro, named as its descriptor names it.
  definitions.forEach(function (definition) {
    var item = el('button', { type: 'button', class: 'macro-item', 'data-macro-key': definition.key }, [
      el('span', { class: 'macro-item-name', text: definition.name }),
    ]);
    item.setAttribute('aria-label', definition.name);
    if (definition.description) item.appendChild(el('small', { text: definition.description }));
    menu.appendChild(item);
  });
  if (definitions.length === 0) menu.appendChild(el('div', { class: 'menu-empty', text: 'No installed app provides a macro.' }));
  function setMenu(open) {
    menu.hidden = !open;
    menuButton.setAttribute('aria-expanded', String(open));
    if (open) {
      var first = menu.querySelector('button');
      if (first) first.focus();
    }
  }
  menuButton.addEventListener('click', function () { setMenu(menu.hidden); });
  menu.addEventListener('keydown', function (event) {
    var items = Array.prototype.slice.call(menu.querySelectorAll('button'));
    var at = items.indexOf(document.activeElement);
    if (event.key === 'Escape') { setMenu(false); menuButton.focus(); }
    else if (event.key === 'ArrowDown' && items.length) { items[(at + 1) % items.length].focus(); event.preventDefault(); }
    else if (event.key === 'ArrowUp' && items.length) { items[(at + items.length - 1) % items.length].focus(); event.preventDefault(); }
  });
  document.addEventListener('click', function (event) {
    if (!menu.hidden && !menu.contains(event.target) && event.target !== menuButton) setMenu(false);
  });
  menu.addEventListener('click', function (event) {
    var item = event.target.closest('[data-macro-key]');
    if (!item) return;
    setMenu(false);
    startEdit(definitionOf(item.getAttribute('data-macro-key')), null);
  });
  body.addEventListener('click', function (event) {
    var button = event.target.closest('[data-edit-macro]');
    if (!button) return;
    var index = Number(button.getAttribute('data-edit-macro'));
    var definition = definitionOf(macros[index].name);
    if (definition) startEdit(definition, index);
    else window.alert('No enabled app provides the macro "' + macros[index].name + '".');
  });

  // Publish: macros go back as placeholders; the server writes them as ac:structured-macro.
  form.addEventListener('submit', function () {
    var copy = body.cloneNode(true);
    copy.querySelectorAll('.macro-chip').forEach(function (node) {
      var placeholder = document.createElement('span');
      placeholder.setAttribute('data-macro', node.getAttribute('data-macro'));
      node.replaceWith(placeholder);
    });
    form.elements.namedItem('html').value = copy.innerHTML;
    form.elements.namedItem('macros').value = JSON.stringify(macros);
  });
})();
