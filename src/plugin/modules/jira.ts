import { JIRA_MODULE, JIRA_WORKFLOW_MODULE, JiraEvent, JiraKinds, type CreateIssueParams } from '../../shared/contracts/jira.js';
import { facade, type Callback, type Facade, type PluginBridge } from '../bridge.js';
import type { JiraContract } from '../../shared/contracts/jira.js';

/** Answers of `WorkflowConfiguration.onSave` / `onSaveValidation` listeners. */
type WorkflowListener = () => unknown;

/** `AP.jira`: Jira's own API, answered by the product (NOT_SUPPORTED where it has no such page). */
export interface JiraFacade extends Omit<Facade<JiraContract>, 'openCreateIssueDialog'> {
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
 * Builds `AP.jira` from its contract. The workflow listeners answer the host's calls on the
 * `jiraWorkflow` module (`view.call('jiraWorkflow', 'save' | 'validate')`).
 *
 * @example
 * ```js
 * AP.jira.refreshIssuePage();
 * AP.jira.openIssueDialog('DEMO-1', () => console.log('closed'));
 * ```
 */
export function createJira(bridge: PluginBridge): JiraFacade {
  const generated = facade(bridge, JIRA_MODULE, JiraKinds);
  const workflow: { save?: WorkflowListener; validate?: WorkflowListener } = {};
  const provideWorkflow = (): void =>
    bridge.provide(JIRA_WORKFLOW_MODULE, {
      save: () => workflow.save?.(),
      validate: () => (workflow.validate ? workflow.validate() : true),
    });
  const editListeners: (() => void)[] = [];
  let subscribed = false;
  return {
    ...generated,
    // The generated method finds the callback wherever it is: Connect's order is (callback, params).
    openCreateIssueDialog: (callback, params) => generated.openCreateIssueDialog(params, callback),
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
      onDashboardItemEdit(listener) {
        editListeners.push(listener);
        if (subscribed) return;
        subscribed = true;
        bridge.onEvent((name) => {
          if (name === JiraEvent.dashboardItemEdit) for (const edit of [...editListeners]) edit();
        });
      },
    },
  };
}
