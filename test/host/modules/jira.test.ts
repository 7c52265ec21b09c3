import { afterEach, describe, expect, it, vi } from 'vitest';
import { jiraModule } from '../../../src/host/modules/jira.js';
import type { CallContext, Host, View } from '../../../src/host/types.js';
import { code, open, uiHost } from '../../ui.js';

let host: Host | undefined;
afterEach(() => {
  host?.destroy();
  host = undefined;
});

describe('jira', () => {
  it('answers through the product hooks with the calling view, in both call forms', async () => {
    const refreshIssuePage = vi.fn();
    const created = [{ id: '10001', key: 'DEMO-4', fields: { summary: 'Hi' } }];
    const openCreateIssueDialog = vi.fn(async () => created);
    const openIssueDialog = vi.fn(async () => {});
    const setDashboardItemTitle = vi.fn();
    host = uiHost({
      jira: { refreshIssuePage, openCreateIssueDialog, openIssueDialog, setDashboardItemTitle, isDashboardItemEditable: () => true },
    });
    const { ap, view } = await open(host);
    await ap.jira.refreshIssuePage();
    expect(refreshIssuePage).toHaveBeenCalledWith(view);
    // Connect's order: the callback first, then the fields.
    const issues = await new Promise((resolve) => ap.jira.openCreateIssueDialog(resolve, { pid: 10000, fields: { summary: 'Hi' } }));
    expect(issues).toEqual(created);
    expect(openCreateIssueDialog).toHaveBeenCalledWith({ pid: 10000, fields: { summary: 'Hi' } }, view);
    expect(await ap.jira.openCreateIssueDialog()).toEqual(created);
    expect(await new Promise((resolve) => ap.jira.openIssueDialog('DEMO-1', resolve))).toBe('DEMO-1');
    expect(openIssueDialog).toHaveBeenCalledWith('DEMO-1', view);
    await ap.jira.setDashboardItemTitle('Open bugs');
    expect(setDashboardItemTitle).toHaveBeenCalledWith('Open bugs', view);
    expect(await new Promise((resolve) => ap.jira.isDashboardItemEditable(resolve))).toBe(true);
    expect(await ap.jira.isNative()).toBe(false);
    expect(await new Promise((resolve) => ap.jira.isNativeApp(resolve))).toBe(false);
    expect(await code(ap.jira.openIssueDialog('../x'))).toBe('INVALID_ARGUMENT');
    expect(await code(ap.jira.setDashboardItemTitle(7 as never))).toBe('INVALID_ARGUMENT');
  });

  it('openDatePicker: the element and onSelect stay in the app; the host gets where to draw and answers the date', async () => {
    const answers = ['2026-12-24', ''];
    const openDatePicker = vi.fn(async () => answers.shift()!);
    host = uiHost({ jira: { openDatePicker } });
    const { ap, view } = await open(host);
    const element = document.createElement('input');
    element.getBoundingClientRect = () => ({ top: 10, bottom: 42, left: 8, right: 200, width: 192, height: 32, x: 8, y: 10, toJSON: () => ({}) });
    const picked: [string, number][] = [];
    const onSelect = (iso: string, date: Date) => picked.push([iso, date.getTime()]);
    expect(await ap.jira.openDatePicker({ element, date: '2026-12-02', onSelect })).toBe('2026-12-24');
    expect(openDatePicker).toHaveBeenLastCalledWith({ showTime: false, position: { top: 42, left: 8 }, date: '2026-12-02' }, view);
    expect(picked).toEqual([['2026-12-24', Date.parse('2026-12-24')]]);
    // Dismissed: no onSelect. A position instead of an element; showTime passed on.
    expect(await ap.jira.openDatePicker({ position: { top: 5, left: 6 }, showTime: true, onSelect })).toBe('');
    expect(openDatePicker).toHaveBeenLastCalledWith({ showTime: true, position: { top: 5, left: 6 } }, view);
    expect(picked).toHaveLength(1);
  });

  it('openDatePicker refuses a malformed request with INVALID_ARGUMENT', async () => {
    const openDatePicker = vi.fn(() => '2026-01-01');
    host = uiHost({ jira: { openDatePicker } });
    const { ap, view } = await open(host);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      expect(await code(ap.jira.openDatePicker({ position: { top: Infinity, left: 0 } }))).toBe('INVALID_ARGUMENT');
      expect(await code(ap.jira.openDatePicker({ position: 'top' as never }))).toBe('INVALID_ARGUMENT');
    } finally {
      warn.mockRestore();
    }
    // What an app could send past the facade.
    const { methods } = jiraModule({ jira: { openDatePicker } });
    const ctx = { view } as CallContext;
    for (const bad of [7, { date: 7 }, { position: { top: 1 } }, { position: [1, 2] }]) {
      await expect(methods.openDatePicker(ctx, bad)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    }
    expect(openDatePicker).not.toHaveBeenCalled();
  });

  it('showJQLEditor: Connect\'s (callback, options) order; the callback runs on a submit, not on cancel; texts are checked', async () => {
    const answers: (string | null)[] = ['project = DEMO ORDER BY key', null];
    const showJQLEditor = vi.fn(async () => answers.shift()!);
    host = uiHost({ jira: { showJQLEditor } });
    const { ap, view } = await open(host);
    await ap.jira.initJQLEditor();
    const got: { jql: string }[] = [];
    expect(await ap.jira.showJQLEditor((r) => got.push(r), { jql: 'project = DEMO', header: 'Filter', submitText: 'Use' })).toEqual({ jql: 'project = DEMO ORDER BY key' });
    expect(showJQLEditor).toHaveBeenLastCalledWith({ jql: 'project = DEMO', header: 'Filter', submitText: 'Use' }, view);
    expect(await ap.jira.showJQLEditor((r) => got.push(r))).toBeNull();
    expect(got).toEqual([{ jql: 'project = DEMO ORDER BY key' }]);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      expect(await code(ap.jira.showJQLEditor(undefined, { header: 7 as never }))).toBe('INVALID_ARGUMENT');
      expect(await code(ap.jira.showJQLEditor(undefined, { descriptionText: 'x'.repeat(513) }))).toBe('PAYLOAD_TOO_LARGE');
    } finally {
      warn.mockRestore();
    }
    expect(showJQLEditor).toHaveBeenCalledTimes(2);
  });

  it('without a hook a method is NOT_SUPPORTED, and void methods only log it', async () => {
    host = uiHost({ jira: {} });
    const { ap } = await open(host);
    expect(await code(ap.jira.getWorkflowConfiguration())).toBe('NOT_SUPPORTED');
    expect(await code(ap.jira.openDatePicker({}))).toBe('NOT_SUPPORTED');
    expect(await code(ap.jira.showJQLEditor())).toBe('NOT_SUPPORTED');
    await expect(ap.jira.initJQLEditor()).resolves.toBeUndefined();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      void ap.jira.refreshIssuePage();
      await vi.waitFor(() =>
        expect(warn).toHaveBeenCalledWith('AP.jira.refreshIssuePage failed:', expect.stringMatching(/^NOT_SUPPORTED: .*jira\.refreshIssuePage/)),
      );
    } finally {
      warn.mockRestore();
    }
  });

  it('workflow listeners answer the host, and dashboard edits reach the item', async () => {
    host = uiHost();
    const { ap, view } = await open(host);
    ap.jira.WorkflowConfiguration.onSaveValidation(() => false);
    ap.jira.WorkflowConfiguration.onSave(() => JSON.stringify({ field: 'x' }));
    expect(await view.call('jiraWorkflow', 'validate')).toBe(false);
    expect(await view.call('jiraWorkflow', 'save')).toBe('{"field":"x"}');
    const edits = vi.fn();
    ap.jira.DashboardItem.onDashboardItemEdit(edits);
    host.emit('jira.dashboardItem.edit', (v: View) => v === view);
    await vi.waitFor(() => expect(edits).toHaveBeenCalledTimes(1));
  });
});
