import { html, type SafeHtml } from '../html.js';
import type { ViewSpec } from '../modules.js';
import type { PostFunction } from '../store.js';
import { WORKFLOW, type Transition } from '../workflow.js';

/** A post function on a transition, as the Workflows page lists it. */
export interface PostFunctionView {
  id: string;
  name: string;
  appName: string;
  /** The app's `view` page, when it declares one. */
  spec?: ViewSpec;
  editable: boolean;
}

/** A post function an admin can add: `<app>/<module>`. */
export interface AvailableFunction {
  value: string;
  name: string;
  appName: string;
}

export function workflowPage(transitions: { transition: Transition; functions: PostFunctionView[] }[], available: AvailableFunction[]): SafeHtml {
  return html`
<div class="page-head"><h1>${WORKFLOW.name}</h1><span class="muted">Simplified workflow: every status can move to every other</span></div>
${available.length === 0 ? html`<p class="muted">No enabled app declares a workflow post function (jiraWorkflowPostFunctions).</p>` : ''}
${transitions.map(({ transition, functions }) => html`<section class="card workflow-transition" data-testid="transition" data-transition="${transition.id}" aria-labelledby="transition-${transition.id}">
  <h2 id="transition-${transition.id}">Transition: Any status → ${transition.name}</h2>
  <h3>Post functions</h3>
  ${functions.length === 0 ? html`<p class="muted">No app post functions on this transition.</p>` : ''}
  <ol class="post-functions">
    ${functions.map((fn) => html`<li data-testid="post-function" data-id="${fn.id}">
      <div class="post-function-head"><strong>${fn.name}</strong> <small class="muted">${fn.appName}</small>
        ${fn.editable ? html`<a class="button subtle" href="/admin/workflows/post-functions/${fn.id}/edit" aria-label="Edit ${fn.name} on ${transition.name}">Edit</a>` : ''}
        <form method="post" action="/admin/workflows/post-functions/${fn.id}/remove" class="inline-form"><button type="submit" class="button subtle" aria-label="Remove ${fn.name} from ${transition.name}">Remove</button></form>
      </div>
      ${fn.spec ? html`<div id="${fn.spec.container}" class="panel-frame"></div>` : ''}
    </li>`)}
  </ol>
  ${available.length ? html`<form method="get" action="/admin/workflows/transitions/${transition.id}/add" class="row">
    <label>Post function <select name="function">${available.map((f) => html`<option value="${f.value}">${f.name} (${f.appName})</option>`)}</select></label>
    <button type="submit" class="button">Add post function to ${transition.name}</button>
  </form>` : ''}
</section>`)}`;
}

/**
 * The app's create or edit page for a post function, with the product's Add / Update button (which
 * knows the function's id, app module and transition). Without a page, Add stores an empty configuration.
 */
export function postFunctionPage(options: { title: string; appName: string; container: string | undefined; action: 'Add' | 'Update'; transitionName: string; fn: Pick<PostFunction, 'id' | 'appKey' | 'moduleKey' | 'transitionId'> }): SafeHtml {
  const { fn } = options;
  return html`
<div class="breadcrumbs"><a href="/admin/workflows">${WORKFLOW.name}</a> / <span>${options.transitionName}</span></div>
<div class="page-head"><h1>${options.action === 'Add' ? 'Add' : 'Edit'} ${options.title}</h1><span class="muted">by ${options.appName}</span></div>
${options.container ? html`<div id="${options.container}" class="general-frame" data-testid="post-function-page"></div>` : html`<p class="muted">This post function has nothing to configure.</p>`}
<p class="error" role="alert" data-testid="post-function-error" hidden></p>
<div class="post-function-actions">
  <button type="button" class="button primary" data-post-function-save data-id="${fn.id}" data-function="${fn.appKey}/${fn.moduleKey}" data-transition="${String(fn.transitionId)}">${options.action}</button>
  <a class="button subtle" href="/admin/workflows">Cancel</a>
</div>`;
}
