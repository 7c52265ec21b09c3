// @vitest-environment node
// The built bundles import cleanly in plain Node (no window, no document): no work at import time.
// Runs against dist/, which `npm test` builds first.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('dist bundles in Node', () => {
  it('dist/plugin.mjs and dist/host.mjs import without touching the DOM', async () => {
    expect(existsSync('dist/plugin.mjs'), 'run `npm run build` first').toBe(true);
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
    const plugin = await import('../dist/plugin.mjs' as string);
    const host = await import('../dist/host.mjs' as string);
    expect(typeof plugin.AP.require).toBe('function');
    expect(typeof host.createHost).toBe('function');
    expect(typeof host.createHostCore).toBe('function');
    expect(host.ErrorCode.CALL_TIMEOUT).toBe('CALL_TIMEOUT');
  });

  it('dist/all.js carries no host-only code: no flood metering, no bounds on incoming calls, no body encoding, no hello guard', () => {
    const all = readFileSync('dist/all.js', 'utf8');
    // Texts of the host's flood cut (rpc.ts createEndpoint), of its incoming bounds (rpcIncoming.ts
    // bounded, with the payload estimate), of its request encoder and of checkHello.
    for (const hostOnly of ['The peer sent too many messages', 'Arguments too large', 'cannot be encoded as JSON', '"hello"!==']) {
      expect(all.includes(hostOnly), hostOnly).toBe(false);
    }
    expect(all).toContain('No welcome from the host');
  });
});
