import { afterEach, describe, expect, it } from 'vitest';
import { createHost } from '../src/host/connectHost.js';
import type { Host } from '../src/host/types.js';
import { link } from './link.js';

let host: Host | undefined;
afterEach(() => host?.destroy());

describe('in-memory link', () => {
  it('completes the handshake and calls a host-defined module', async () => {
    host = createHost();
    host.defineModule('acme', { ping: (ctx, n: number) => ({ pong: n, app: ctx.app.key }) });
    const { ap, connected } = link({ host });
    await connected;
    const acme = ap.acme as { ping(n: number): Promise<unknown> };
    await expect(acme.ping(2)).resolves.toEqual({ pong: 2, app: 'app-a' });
  });
});
