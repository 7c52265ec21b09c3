// Golden wire fixtures for the product and page modules: the facades must send exactly these calls
// (whatever Connect call form the app used), and the host modules must answer them as recorded.
import { describe, expect, it, vi } from 'vitest';
import { confluenceModule } from '../../../src/host/modules/confluence.js';
import { historyModule } from '../../../src/host/modules/history.js';
import { jiraModule } from '../../../src/host/modules/jira.js';
import { pageModule } from '../../../src/host/modules/page.js';
import { themingModule } from '../../../src/host/modules/theming.js';
import type { CallContext, HostModule } from '../../../src/host/types.js';
import type { PluginBridge } from '../../../src/plugin/bridge.js';
import { createFacades } from '../../../src/plugin/modules/index.js';
import { checkPortMessage } from '../../../src/shared/guards.js';
import type { Call } from '../../../src/shared/protocol.js';
import fixtures from '../../fixtures/wire/api-modules.json';

function recorder(value: unknown = undefined) {
  const sent: Call[] = [];
  const record = async (module: string, method: string, args: unknown[]) => {
    sent.push({ type: 'call', id: 1, module, method, args });
    return value;
  };
  const bridge = {
    call: record,
    callAny: record,
    onEvent: () => () => {},
    onStart: () => {},
    provide: () => {},
    options: () => ({}),
    window: undefined,
  } as unknown as PluginBridge;
  return { sent, facades: createFacades(bridge) };
}

function hostCall(module: HostModule, message: unknown, ctx: Partial<CallContext>): Promise<unknown> {
  const call = checkPortMessage(structuredClone(message));
  if (call?.type !== 'call') throw new Error('fixture is not a valid call');
  return Promise.resolve(module.methods[call.method]!(ctx as CallContext, ...call.args));
}

const page = { app: { key: 'app-a', modules: { generalPages: [{ key: 'page' }] } }, moduleKey: 'page', options: {} };
const ctx = { app: page.app, moduleKey: 'page', view: page } as unknown as CallContext;

describe('golden wire fixtures: product and page modules', () => {
  it('history.pushState, Connect 5 form', async () => {
    const { sent, facades } = recorder();
    await facades.history.pushState({ tab: 2 }, 'Tab 2', 'tab-2');
    expect(sent).toEqual([fixtures.historyPushState.call]);
    const start = window.location.href;
    await hostCall(historyModule({ history: { in: 'hash' } }), fixtures.historyPushState.call, ctx);
    expect(window.location.hash).toBe('#!tab-2');
    expect((window.history.state as { apbHistory: { state: unknown } }).apbHistory.state).toEqual({ tab: 2 });
    window.history.replaceState(null, '', start);
  });

  it('jira.openCreateIssueDialog, callback first', async () => {
    const f = fixtures.jiraOpenCreateIssueDialog;
    const { sent, facades } = recorder(f.result.value);
    const issues = await new Promise((resolve) => facades.jira.openCreateIssueDialog(resolve, { pid: 10000, fields: { summary: 'Hi' } }));
    expect(sent).toEqual([f.call]);
    expect(issues).toEqual(f.result.value);
    const open = vi.fn(() => f.result.value);
    expect(await hostCall(jiraModule({ jira: { openCreateIssueDialog: open } }), f.call, ctx)).toEqual(f.result.value);
    expect(open).toHaveBeenCalledWith(f.call.args[0], page);
  });

  it('confluence.saveMacro and page.setTitle', async () => {
    const { sent, facades } = recorder();
    await facades.confluence.saveMacro({ color: 'blue' }, 'body');
    await facades.page.setTitle('Reports');
    expect(sent).toEqual([fixtures.confluenceSaveMacro.call, fixtures.pageSetTitle.call]);
    const saveMacro = vi.fn();
    await hostCall(confluenceModule({ confluence: { saveMacro } }), fixtures.confluenceSaveMacro.call, ctx);
    expect(saveMacro).toHaveBeenCalledWith({ color: 'blue' }, 'body', page);
    const setTitle = vi.fn();
    await hostCall(pageModule({ page: { setTitle } }), fixtures.pageSetTitle.call, ctx);
    expect(setTitle).toHaveBeenCalledWith('Reports', page);
  });

  it('theming.initializeTheming', async () => {
    const f = fixtures.themingInitialize;
    const { sent, facades } = recorder(f.result.value);
    await facades.theming.initializeTheming();
    expect(sent).toEqual([f.call]);
    const theme = f.result.value as { colorMode: 'dark'; themes: Record<string, string> };
    expect(await hostCall(themingModule({ theming: { getTheme: () => theme } }), f.call, ctx)).toEqual(f.result.value);
  });

  it('the handshake refusal', () => {
    expect(checkPortMessage(structuredClone(fixtures.refusal.message))).toEqual(fixtures.refusal.message);
  });
});
