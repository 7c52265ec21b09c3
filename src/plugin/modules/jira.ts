import { JIRA_MODULE, JIRA_WORKFLOW_MODULE, JiraEvent, JiraKinds, type CreateIssueParams, type JqlEditorOptions } from '../../shared/contracts/jira.js';
import { facade, quiet, type Callback, type Facade, type PluginBridge } from '../bridge.js';
import type { EventsFacade } from './events.js';
import type { JiraContract } from '../../shared/contracts/jira.js';

/** Answers of `WorkflowConfiguration.onSave` / `onSaveValidation` listeners. */
type WorkflowListener = () => unknown;

/** Connect's options of `AP.jira.openDatePicker`; the element and the callback stay in the app. */
export interface DatePickerOptions {
  /** The picker is drawn below this element (it takes precedence over `position`). */
  element?: Element;
  /** Where to draw the picker, in px from the iframe's top left corner. */
  position?: { top: number; left: number };
  /** A time picker as well. */
  showTime?: boolean;
  /** Pre-selected date (and time), in a form `Date.parse` reads; ISO 8601 preferred. */
  date?: string;
  /** Called with the date the user picked (not when the picker is dismissed). */
  onSelect?: (isoDate: string, date: Date) => void;
}

/** `AP.jira`: Jira's own API, answered by the product (NOT_SUPPORTED where it has no such page). */
export interface JiraFacade extends Omit<Facade<JiraContract>, 'openCreateIssueDialog' | 'openDatePicker' | 'showJQLEditor'> {
  /**
   * Opens Jira's create-issue dialog; calls back with the issues created (`[]` when cancelled).
   * @example
   * ```js
   * AP.jira.openCreateIssueDialog((issues) => console.log(issues), { pid: 10000, fields: { summary: 'Hi' } });
   * ```
   */
  openCreateIssueDialog(
    callback?: Callback<Record<string, unknown>[]>,
    params?: CreateIssueParams,
  ): Promise<Record<string, unknown>[]>;
  /**
   * Shows Jira's date picker below `element` (or at `position`); `onSelect` gets what the user picked.
   * Resolves with the ISO date, or `''` when the picker was dismissed. Failures are only logged, as
   * Connect returns nothing.
   * @example
   * ```js
   * AP.jira.openDatePicker({ element: input, onSelect: (iso) => (input.value = iso) });
   * ```
   */
  openDatePicker(options?: DatePickerOptions): Promise<string>;
  /**
   * Shows Jira's JQL editor; `callback` gets `{ jql }` when the user submits (not when cancelled).
   * Resolves with `{ jql }`, or `null` when cancelled. Failures are only logged, as Connect returns nothing.
   * @example
   * ```js
   * AP.jira.showJQLEditor(({ jql }) => search(jql), { jql: 'project = DEMO', header: 'Filter' });
   * ```
   */
  showJQLEditor(callback?: Callback<{ jql: string }>, options?: JqlEditorOptions): Promise<{ jql: string } | null>;
  /** Connect's name for {@link JiraFacade.isNative}. */
  isNativeApp: Facade<JiraContract>['isNative'];
  /** Workflow post-function pages: the product asks for the configuration on save. */
  WorkflowConfiguration: {
    /** `listener` returns the configuration value to store. */
    onSave(listener: WorkflowListener): void;
    /** `listener` returns true when the configuration may be saved. */
    onSaveValidation(listener: WorkflowListener): void;
  };
  DashboardItem: {
    /** Called when the user chooses "Edit" on this dashboard item. */
    onDashboardItemEdit(listener: () => void): void;
  };
}

/**
 * For Connect's pickers that return nothing: `callback` runs only with something picked (a dismissed
 * picker answers `''` or `null`), and a failure is only logged.
 */
function whenPicked<T>(what: string, answer: Promise<T>, callback?: (picked: NonNullable<T>) => void): Promise<T> {
  return quiet(
    what,
    answer.then((picked) => {
      if (picked && callback) callback(picked);
      return picked;
    }),
  );
}

/**
 * Builds `AP.jira` from its contract. The workflow listeners answer the host's calls on the
 * `jiraWorkflow` module (`view.call('jiraWorkflow', 'save' | 'validate')`); dashboard edits are an
 * event of the app's own, heard through `AP.events`.
 *
 * @example
 * ```js
 * AP.jira.refreshIssuePage();
 * AP.jira.openIssueDialog('DEMO-1', () => console.log('closed'));
 * ```
 */
export function createJira(bridge: PluginBridge, events: EventsFacade): JiraFacade {
  const generated = facade(bridge, JIRA_MODULE, JiraKinds);
  const workflow: { save?: WorkflowListener; validate?: WorkflowListener } = {};
  const provideWorkflow = (): void =>
    bridge.provide(JIRA_WORKFLOW_MODULE, {
      save: () => workflow.save?.(),
      validate: () => (workflow.validate ? workflow.validate() : true),
    });
  return {
    ...generated,
    // The generated method finds the callback wherever it is: Connect's order is (callback, params).
    openCreateIssueDialog: (callback, params) => generated.openCreateIssueDialog(params, callback),
    openDatePicker({ element, position, showTime, date, onSelect } = {}) {
      // The host gets where to draw, in the iframe's coordinates: an element below which, or a position.
      const box = element?.getBoundingClientRect();
      const at = box ? { top: box.bottom, left: box.left } : position && { top: Number(position.top), left: Number(position.left) };
      const picked = generated.openDatePicker({
        showTime: showTime === true,
        ...(at ? { position: at } : {}),
        ...(date === undefined ? {} : { date: String(date) }),
      });
      return whenPicked('jira.openDatePicker', picked, typeof onSelect === 'function' ? (iso) => onSelect(iso, new Date(iso)) : undefined);
    },
    // Connect's order is (callback, options); the callback runs on a submit only.
    showJQLEditor: (callback, options) =>
      whenPicked('jira.showJQLEditor', generated.showJQLEditor(options), typeof callback === 'function' ? callback : undefined),
    isNativeApp: generated.isNative,
    WorkflowConfiguration: {
      onSave(listener) {
        workflow.save = listener;
        provideWorkflow();
      },
      onSaveValidation(listener) {
        workflow.validate = listener;
        provideWorkflow();
      },
    },
    DashboardItem: {
      onDashboardItemEdit: (listener) => events.on(JiraEvent.dashboardItemEdit, listener),
    },
  };
}
