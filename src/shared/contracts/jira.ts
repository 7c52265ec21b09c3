/** Contract of the `jira` module: what a Jira product answers, through its host options. */

import type { MethodKinds } from './types.js';

export const JIRA_MODULE = 'jira';

/** Fields for `openCreateIssueDialog`, as Connect documents them. */
export interface CreateIssueParams {
  pid?: number | string;
  issueType?: number | string;
  fields?: Record<string, unknown>;
}

/** What `AP.jira.openDatePicker` sends: where to draw (px in the iframe), a time too, the preset date. */
export interface DatePickerRequest {
  showTime?: boolean;
  position?: { top: number; left: number };
  date?: string;
}

/** `AP.jira.showJQLEditor`'s options, as Connect documents them (texts the dialog shows). */
export interface JqlEditorOptions {
  jql?: string;
  header?: string;
  /** Up to 512 characters below the header. */
  descriptionText?: string;
  submitText?: string;
  cancelText?: string;
}

/** The jira module on the wire. */
export interface JiraContract {
  refreshIssuePage(): void;
  /** Answers the issues created (an empty list when the user cancelled). */
  openCreateIssueDialog(params?: CreateIssueParams): Record<string, unknown>[];
  /** Answers when the dialog closes, with the issue key. */
  openIssueDialog(issueKey: string): string;
  getWorkflowConfiguration(): Record<string, unknown>;
  isDashboardItemEditable(): boolean;
  setDashboardItemTitle(title: string): void;
  /** Answers the ISO date the user picked, or `''` when the picker was dismissed. */
  openDatePicker(options?: DatePickerRequest): string;
  isNative(): boolean;
  /** Lets the product prepare its JQL editor; answers at once. */
  initJQLEditor(): void;
  /** Answers the JQL the user submitted, or `null` when the editor was cancelled. */
  showJQLEditor(options?: JqlEditorOptions): { jql: string } | null;
}

export const JiraKinds: MethodKinds<JiraContract> = {
  refreshIssuePage: 0,
  openCreateIssueDialog: 1,
  openIssueDialog: 1,
  getWorkflowConfiguration: 1,
  isDashboardItemEditable: 1,
  setDashboardItemTitle: 0,
  openDatePicker: 1,
  isNative: 1,
  initJQLEditor: 0,
  showJQLEditor: 1,
};

/** Host-to-app calls (`view.call('jiraWorkflow', ...)`) answered by `WorkflowConfiguration.onSave*`. */
export const JIRA_WORKFLOW_MODULE = 'jiraWorkflow';
export const JiraEvent = {
  /** The user chose "Edit" on this dashboard item. */
  dashboardItemEdit: 'jira.dashboardItem.edit',
} as const;
