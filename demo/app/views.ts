export type ViewName = 'page' | 'panel' | 'dialog' | 'reader' | 'module' | 'macro' | 'macro-editor' | 'wiki-page';

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const SECTIONS: Record<ViewName, string> = {
  page: `
<h1>Module playground</h1>
<p class="lead">Every AP module, through apbridge. The iframe URL's JWT was verified by the app server for <code data-testid="jwt-sub"></code>.</p>
<div class="grid">
  <section><h2>User</h2><button data-action="user">Who am I?</button><output data-testid="out-user"></output></section>
  <section><h2>REST (AP.request)</h2>
    <button data-action="search">Load issues</button>
    <button data-action="create">Create issue</button>
    <button data-action="attach">Upload + download attachment</button>
    <output data-testid="out-request"></output></section>
  <section><h2>Cookie</h2><button data-action="cookie">Save, read, erase</button><output data-testid="out-cookie"></output></section>
  <section><h2>Dialog</h2><button data-action="dialog">Open dialog</button><output data-testid="out-dialog"></output></section>
  <section><h2>Flags and messages</h2><button data-action="flag">Show a flag</button><button data-action="message">Show a message</button><output data-testid="out-flag"></output></section>
  <section><h2>Context</h2><button data-action="context">Get context + token</button><output data-testid="out-context"></output></section>
  <section><h2>Events</h2><button data-action="emit">Emit sample.ping</button><output data-testid="out-events"></output></section>
  <section><h2>Jira (AP.jira)</h2>
    <button data-action="create-issue">Open the create-issue dialog</button>
    <button data-action="issue-dialog">Show DEMO-1</button>
    <output data-testid="out-jira"></output></section>
  <section><h2>Page and history</h2>
    <button data-action="set-title">Set page title</button>
    <button data-action="push-state">Push state</button>
    <output data-testid="out-history"></output></section>
  <section><h2>Resize</h2><button data-action="grow">Add content</button><button data-action="shrink">Remove content</button><output data-testid="out-resize"></output><div class="growth"></div></section>
  <section class="wide"><h2>App server</h2>
    <button data-action="status">Lifecycle + webhooks received</button>
    <button data-action="server-search">Search from the app server (JWT to product)</button>
    <output data-testid="out-server"></output></section>
</div>`,
  panel: `
<div class="panel">
  <div><strong data-testid="panel-issue"></strong> <span class="muted" data-testid="panel-summary">loading…</span></div>
  <div class="row"><button data-action="dialog">Set priority…</button><button data-action="flag">Flag it</button><button data-action="score">Score 42</button></div>
  <output data-testid="out-dialog"></output><output data-testid="out-flag"></output><output data-testid="out-score"></output>
</div>`,
  dialog: `
<div class="dialog-body">
  <p>Custom data from the opener: <code data-testid="dialog-custom"></code></p>
  <label>Priority <select id="priority"><option>High</option><option selected>Medium</option><option>Low</option></select></label>
  <div class="row"><button data-action="dialog-close">Choose and close</button><button data-action="emit">Emit sample.ping</button></div>
</div>`,
  module: `
<div class="module">
  <h1 data-testid="module-name"></h1>
  <p class="muted">JWT verified by the app server for <code data-testid="jwt-sub"></code></p>
  <dl data-testid="module-params"></dl>
  <output data-testid="module-context"></output>
  <div class="row dashboard-only" hidden>
    <button data-action="item-title">Rename this item</button>
    <output data-testid="out-item"></output>
    <output data-testid="out-item-mode"></output>
  </div>
  <div class="row dialog-only" hidden>
    <button data-action="dialog-close">Done</button>
    <output data-testid="out-dialog-data"></output>
  </div>
  <div class="row byline-only" hidden><button data-action="inline-hide">Close</button></div>
  <div class="row post-function-only" hidden>
    <label>Label to look for <input id="post-function-label"></label>
    <output data-testid="out-post-function"></output>
  </div>
</div>`,
  macro: `
<div class="macro">
  <div class="chart" data-testid="chart" aria-hidden="true"></div>
  <div><strong data-testid="chart-title"></strong> <span class="muted">JWT verified for <code data-testid="jwt-sub"></code></span></div>
  <dl data-testid="module-params"></dl>
  <p>Macro data: <code data-testid="macro-data"></code> · body: <code data-testid="macro-body"></code></p>
  <p>Context: <code data-testid="module-context"></code></p>
  <p>Page through AP.request: <output data-testid="macro-request"></output></p>
</div>`,
  'macro-editor': `
<form class="macro-editor" data-testid="macro-editor">
  <label>Colour <select id="macro-color"><option>red</option><option>green</option><option selected>blue</option></select></label>
  <label>Title <input id="macro-title"></label>
  <label>Body <textarea id="macro-body-text" rows="3"></textarea></label>
  <div class="row"><button type="button" data-action="macro-save">Save macro</button><button type="button" data-action="macro-cancel">Cancel</button></div>
  <output data-testid="out-editor"></output>
</form>`,
  'wiki-page': `
<h1>Sample wiki page</h1>
<p class="lead">Confluence REST through AP.request (under the context path). JWT verified for <code data-testid="jwt-sub"></code>.</p>
<div class="grid">
  <section><h2>Content</h2><button data-action="wiki-read">Read page 10001</button><button data-action="wiki-spaces">List spaces</button><button data-action="wiki-search">CQL search</button><output data-testid="out-wiki"></output></section>
  <section><h2>Attachments</h2><button data-action="wiki-attach">Upload + download</button><output data-testid="out-wiki-attach"></output></section>
  <section><h2>Content property</h2><button data-action="wiki-property">Set and read back</button><output data-testid="out-wiki-property"></output></section>
  <section><h2>Navigator</h2><button data-action="wiki-location">Where am I?</button><button data-action="wiki-go">Go to Meeting notes</button><output data-testid="out-wiki-nav"></output></section>
  <section class="wide"><h2>App server</h2><button data-action="status">Lifecycle + webhooks received</button><output data-testid="out-server"></output></section>
</div>`,
  reader: `
<h1>Reader</h1>
<p class="lead">A read-only app (scope READ). Reading works; writing is refused by the product.</p>
<button data-action="reader-read">Read my profile</button>
<button data-action="create">Try to create an issue</button>
<output data-testid="out-reader"></output><output data-testid="out-request"></output>`,
};

/**
 * An app page. all.js comes from the product the app is installed in, as Connect apps load it from
 * their host; `resize` stays on (autoresize) everywhere.
 */
export function pageHtml(options: { view: ViewName; productBaseUrl: string; accountId: string; apiBase: string; name: string }): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Sample App</title>
<link rel="stylesheet" href="/static/app.css">
</head>
<body data-view="${options.view}" data-name="${escape(options.name)}" data-account="${escape(options.accountId)}" data-api="${escape(options.apiBase)}">
<div class="ac-content">${SECTIONS[options.view]}</div>
<script src="${escape(options.productBaseUrl)}/atlassian-connect/all.js"></script>
<script src="/static/app.js"></script>
</body></html>`;
}
