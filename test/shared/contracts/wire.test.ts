// Golden wire fixtures for the data modules: the plugin facades must produce exactly these calls,
// and the host modules must answer them with exactly these results and events. A change to either
// side that alters the wire shows up here as a fixture diff.
import { describe, expect, it } from 'vitest';
import { contextModule } from '../../../src/host/modules/context.js';
import { cookieModule } from '../../../src/host/modules/cookie.js';
import { eventsModule } from '../../../src/host/modules/events.js';
import { requestModule } from '../../../src/host/modules/request.js';
import type { CallContext, HostModule } from '../../../src/host/types.js';
import type { PluginBridge } from '../../../src/plugin/bridge.js';
import { createContext } from '../../../src/plugin/modules/context.js';
import { createCookie } from '../../../src/plugin/modules/cookie.js';
import { createEvents } from '../../../src/plugin/modules/events.js';
import { createRequest } from '../../../src/plugin/modules/request.js';
import { checkPortMessage } from '../../../src/shared/guards.js';
import type { Call } from '../../../src/shared/protocol.js';
import fixtures from '../../fixtures/wire/data-modules.json';

/** A bridge that records the call message it would post and answers with `value`. */
function recorder(value: unknown = undefined) {
  const sent: Call[] = [];
  const record = async (module: string, method: string, args: unknown[]) => {
    sent.push({ type: 'call', id: sent.length + 1, module, method, args });
    return value;
  };
  const bridge = {
    call: record,
    callAny: record,
    onEvent: () => () => {},
  } as unknown as PluginBridge;
  return { sent, bridge };
}

function hostCall(module: HostModule, message: unknown, ctx: Partial<CallContext>): Promise<unknown> {
  const call = checkPortMessage(structuredClone(message));
  if (call?.type !== 'call') throw new Error('fixture is not a valid call');
  return Promise.resolve(module.methods[call.method]!(ctx as CallContext, ...call.args));
}

const app = { key: 'app-a' };

describe('golden wire fixtures: data modules', () => {
  it('request', async () => {
    const f = fixtures.request;
    const { sent, bridge } = recorder(f.result.value);
    const { body, xhr } = await createRequest(bridge)('/rest/api/3/issue', {
      type: 'POST',
      contentType: 'application/json',
      data: { fields: { summary: 'Hi' } },
      headers: { Accept: 'application/json' },
      experimental: true,
    });
    expect(sent).toEqual([f.call]);
    expect([body, xhr.status, xhr.getResponseHeader('etag')]).toEqual(['{"key":"DEMO-4"}', 201, '"1"']);

    const fetch = async () =>
      new Response(f.result.value.body, { status: 201, statusText: 'Created', headers: { ...f.result.value.headers, server: 'x' } });
    const module = requestModule({ request: { fetch: fetch as typeof globalThis.fetch } });
    const ctx = { app, host: { origin: 'https://product.example' }, signal: new AbortController().signal } as unknown as CallContext;
    expect(await hostCall(module, f.call, ctx)).toEqual(f.result.value);
  });

  it('cookie.save', async () => {
    const f = fixtures.cookieSave;
    const { sent, bridge } = recorder();
    await createCookie(bridge).save('theme', 'dark', 30);
    expect(sent).toEqual([f.call]);
    expect(await hostCall(cookieModule({ cookie: { storage: null } }), f.call, { app } as CallContext)).toBeUndefined();
  });

  it('context.getContext', async () => {
    const f = fixtures.contextGetContext;
    const { sent, bridge } = recorder(f.result.value);
    expect(await createContext(bridge).getContext()).toEqual(f.result.value);
    expect(sent).toEqual([f.call]);
    const view = { context: f.result.value };
    expect(await hostCall(contextModule(), f.call, { app, view } as unknown as CallContext)).toEqual(f.result.value);
  });

  it.each([
    ['emit', fixtures.eventsEmit, { appKey: 'app-a' }],
    ['emitPublic', fixtures.eventsEmitPublic, undefined],
  ] as const)('events.%s', async (method, f, filter) => {
    const { sent, bridge } = recorder();
    const events = createEvents(bridge);
    const [name, ...args] = f.call.args as [string, ...unknown[]];
    await events[method](name, ...args);
    expect(sent).toEqual([f.call]);
    const emitted: unknown[] = [];
    const host = { emit: (n: string, fl: unknown, ...a: unknown[]) => emitted.push({ type: 'event', name: n, args: a }, fl) };
    await hostCall(eventsModule(), f.call, { app, moduleKey: 'main', host } as unknown as CallContext);
    expect(emitted).toEqual([f.event, filter]);
  });
});
