import { JIRA_MODULE, type CreateIssueParams, type DatePickerRequest, type JiraContract, type JqlEditorOptions } from '../../shared/contracts/jira.js';
import type { CallContext, ContractModule, HostOptions, View } from '../types.js';
import { jsonData, text, unsupported } from './hooks.js';
import { field, identifier, invalid, isRecord, optionalText } from './uiArgs.js';

const MAX_DATA = 64 * 1024;

/** What a Jira product supplies for `AP.jira`; each missing hook makes its method NOT_SUPPORTED. */
export interface JiraHooks {
  /** Reloads the issue the calling view is shown on. */
  refreshIssuePage?(view: View): void | Promise<void>;
  /** Opens the product's create-issue dialog; resolves with the created issues ([] when cancelled). */
  openCreateIssueDialog?(params: CreateIssueParams, view: View): Record<string, unknown>[] | Promise<Record<string, unknown>[]>;
  /** Opens an issue in a dialog; resolves when it closes. */
  openIssueDialog?(issueKey: string, view: View): void | Promise<void>;
  /** The workflow post-function configuration shown in the calling view. */
  getWorkflowConfiguration?(view: View): Record<string, unknown> | Promise<Record<string, unknown>>;
  /** Whether the user may edit the dashboard item shown in the calling view. */
  isDashboardItemEditable?(view: View): boolean | Promise<boolean>;
  /** Sets the title of the dashboard item shown in the calling view. */
  setDashboardItemTitle?(title: string, view: View): void;
  /**
   * Shows a date picker at `request.position` (px from the calling iframe's top left corner, when
   * given); resolves with the ISO date (and time, with `showTime`) picked, or `''` when dismissed.
   */
  openDatePicker?(request: DatePickerRequest, view: View): string | Promise<string>;
  /** True inside Jira's mobile apps. */
  isNative?(view: View): boolean;
  /** Shows the JQL editor; resolves with the JQL submitted, or `null` when cancelled. */
  showJQLEditor?(options: JqlEditorOptions, view: View): string | null | Promise<string | null>;
}

const JQL_TEXTS = { jql: 10_000, header: 255, descriptionText: 512, submitText: 64, cancelText: 64 } as const;

/** The JQL editor's options, each a string within its bound (longer descriptions are refused). */
function jqlEditorOptions(raw: unknown): JqlEditorOptions {
  if (raw === undefined || raw === null) return {};
  if (!isRecord(raw)) throw invalid('options must be an object');
  const options: JqlEditorOptions = {};
  for (const name of Object.keys(JQL_TEXTS) as (keyof typeof JQL_TEXTS)[]) {
    const value = field(raw, name);
    if (value !== undefined && value !== null) options[name] = text(value, name, JQL_TEXTS[name]);
  }
  return options;
}

/** The picker's options as the plugin sends them, checked field by field. */
function datePickerRequest(raw: unknown): DatePickerRequest {
  if (raw === undefined || raw === null) return {};
  if (!isRecord(raw)) throw invalid('options must be an object');
  const request: DatePickerRequest = { showTime: field(raw, 'showTime') === true };
  const position = field(raw, 'position');
  if (position !== undefined) {
    const top = isRecord(position) ? field(position, 'top') : undefined;
    const left = isRecord(position) ? field(position, 'left') : undefined;
    if (typeof top !== 'number' || typeof left !== 'number' || !Number.isFinite(top) || !Number.isFinite(left)) {
      throw invalid('position must be { top, left } in px');
    }
    request.position = { top, left };
  }
  const date = optionalText(field(raw, 'date'), 'date', 64);
  if (date !== undefined) request.date = date;
  return request;
}

function hook<K extends keyof JiraHooks>(options: HostOptions, name: K): NonNullable<JiraHooks[K]> {
  const found = options.jira?.[name];
  if (!found) throw unsupported(JIRA_MODULE, name);
  return found;
}

/**
 * The `jira` module (`AP.jira.*`): arguments are checked here, behaviour comes from the product's
 * `options.jira` hooks; without a hook its method answers NOT_SUPPORTED.
 *
 * @example
 * ```ts
 * const host = createHost({
 *   jira: {
 *     refreshIssuePage: () => location.reload(),
 *     openIssueDialog: (key) => showIssueDialog(key),
 *   },
 * });
 * ```
 */
export function jiraModule(options: HostOptions = {}): ContractModule<JiraContract> {
  return {
    name: JIRA_MODULE,
    methods: {
      async refreshIssuePage(ctx: CallContext) {
        await hook(options, 'refreshIssuePage').call(options.jira, ctx.view);
      },
      async openCreateIssueDialog(ctx: CallContext, params: unknown) {
        const data = jsonData(params, 'params', MAX_DATA);
        return (await hook(options, 'openCreateIssueDialog').call(options.jira, data, ctx.view)) ?? [];
      },
      async openIssueDialog(ctx: CallContext, key: unknown) {
        const issueKey = identifier(key, 'issueKey');
        await hook(options, 'openIssueDialog').call(options.jira, issueKey, ctx.view);
        return issueKey;
      },
      async getWorkflowConfiguration(ctx: CallContext) {
        return (await hook(options, 'getWorkflowConfiguration').call(options.jira, ctx.view)) ?? {};
      },
      async isDashboardItemEditable(ctx: CallContext) {
        return (await hook(options, 'isDashboardItemEditable').call(options.jira, ctx.view)) === true;
      },
      setDashboardItemTitle(ctx: CallContext, title: unknown) {
        const value = text(title, 'title', 255);
        hook(options, 'setDashboardItemTitle').call(options.jira, value, ctx.view);
      },
      async openDatePicker(ctx: CallContext, raw: unknown) {
        const request = datePickerRequest(raw);
        return String((await hook(options, 'openDatePicker').call(options.jira, request, ctx.view)) ?? '');
      },
      isNative(ctx: CallContext) {
        return options.jira?.isNative?.(ctx.view) === true;
      },
      // Connect's "prepare for fast rendering": nothing to prepare here, whether or not the product has an editor.
      initJQLEditor() {},
      async showJQLEditor(ctx: CallContext, raw: unknown) {
        const request = jqlEditorOptions(raw);
        const jql = await hook(options, 'showJQLEditor').call(options.jira, request, ctx.view);
        if (jql === null || jql === undefined) return null;
        return { jql: String(jql) };
      },
    },
  };
}
