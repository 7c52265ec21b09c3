import { afterEach, describe, expect, it, vi } from 'vitest';
import { contextModule, jwtExpiry } from '../../../src/host/modules/context.js';
import type { CallContext, Host } from '../../../src/host/types.js';
import { linked } from '../../data.js';

let host: Host | undefined;
afterEach(() => host?.destroy());

function jwt(claims: object): string {
  const b64 = (v: object) => btoa(JSON.stringify(v)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}.sig`;
}

describe('AP.context over the link', () => {
  it('returns the view context (callback and Promise)', async () => {
    const context = { jira: { issue: { key: 'DEMO-1', id: '10001' }, project: { key: 'DEMO', id: '10000' } } };
    const { ap, host: h } = await linked({}, { view: { context } });
    host = h;
    expect(await ap.context.getContext()).toEqual(context);
    expect(await new Promise((resolve) => ap.context.getContext(resolve))).toEqual(context);
  });

  it('caches the token per view and asks again shortly before exp', async () => {
    let exp = Math.floor(Date.now() / 1000) + 180;
    const provider = vi.fn(async () => jwt({ exp, iss: 'app-a' }));
    const { ap, host: h, view } = await linked({ getContextToken: provider });
    host = h;
    const first = await ap.context.getToken();
    expect(await new Promise((resolve) => ap.context.getToken(resolve))).toBe(first);
    expect(await Promise.all([ap.context.getToken(), ap.context.getToken()])).toEqual([first, first]);
    expect(provider).toHaveBeenCalledTimes(1);
    expect(provider.mock.calls[0]).toEqual([view.app, view]);
    // Within the refresh margin of exp: a fresh token.
    const now = Date.now();
    const spy = vi.spyOn(Date, 'now').mockReturnValue(now + 150_000);
    exp += 600;
    const second = await ap.context.getToken();
    spy.mockRestore();
    expect(second).not.toBe(first);
    expect(provider).toHaveBeenCalledTimes(2);
  });

  it('honours expiresAt, does not cache tokens of unknown lifetime, and says NOT_SUPPORTED without a provider', async () => {
    let n = 0;
    const { ap, host: h } = await linked({ getContextToken: async () => `opaque-${++n}` });
    host = h;
    expect(await ap.context.getToken()).toBe('opaque-1');
    expect(await ap.context.getToken()).toBe('opaque-2');
    h.destroy();
    const other = await linked({ getContextToken: async () => ({ token: `t-${++n}`, expiresAt: Date.now() + 3_600_000 }) });
    host = other.host;
    expect(await other.ap.context.getToken()).toBe(await other.ap.context.getToken());
    other.host.destroy();
    const none = await linked({});
    host = none.host;
    expect(await none.ap.context.getToken().catch((e: { code: string }) => e.code)).toBe('NOT_SUPPORTED');
  });

  it('asks the provider afresh once a call stuck on an unanswered request was cancelled', async () => {
    let n = 0;
    const module = contextModule({
      getContextToken: () => (++n === 1 ? new Promise(() => {}) : Promise.resolve({ token: 't2', expiresAt: Date.now() + 3_600_000 })),
    });
    const view = {};
    const ctx = (signal: AbortSignal) => ({ app: { key: 'app-a' }, view, signal }) as unknown as CallContext;
    const stuck = new AbortController();
    void module.methods.getToken!(ctx(stuck.signal));
    stuck.abort();
    expect(await module.methods.getToken!(ctx(new AbortController().signal))).toBe('t2');
  });

  it('reads exp from a JWT payload', () => {
    expect(jwtExpiry(jwt({ exp: 1700000000 }))).toBe(1700000000000);
    expect(jwtExpiry('not-a-jwt')).toBeUndefined();
    expect(jwtExpiry('a.%%%.c')).toBeUndefined();
  });
});
