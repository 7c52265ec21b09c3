import { afterEach, describe, expect, it, vi } from 'vitest';
import { BridgeError, ErrorCode } from '../../src/shared/errors.js';
import { createEndpoint, openEndpoint, type Endpoint, type EndpointOptions, type PortLike } from '../../src/shared/rpc.js';

const open: Endpoint[] = [];
afterEach(() => {
  for (const endpoint of open.splice(0)) endpoint.close(new BridgeError(ErrorCode.CONNECTION_DESTROYED, 'test over'));
  vi.useRealTimers();
});

function pair(a: Partial<EndpointOptions> = {}, b: Partial<EndpointOptions> = {}) {
  const channel = new MessageChannel();
  const left = createEndpoint({ port: channel.port1, ...a });
  const right = createEndpoint({ port: channel.port2, ...b });
  open.push(left, right);
  return { left, right, channel };
}

const code = (promise: Promise<unknown>) => promise.then(() => 'resolved', (e: BridgeError) => e.code);

describe('createEndpoint', () => {
  it('answers a call with the dispatcher result', async () => {
    const { left } = pair({}, { dispatch: (call) => ({ module: call.module, method: call.method, sum: (call.args as number[]).reduce((x, y) => x + y) }) });
    await expect(left.call('math', 'add', [1, 2, 3])).resolves.toEqual({ module: 'math', method: 'add', sum: 6 });
  });

  it('rejects with the BridgeError a handler throws, and HANDLER_FAILED without its message otherwise', async () => {
    const { left } = pair({}, {
      dispatch: (call) => {
        if (call.method === 'refuse') throw new BridgeError(ErrorCode.NOT_ALLOWED, 'no', { why: 'scope' });
        throw new Error('internal detail');
      },
    });
    await expect(left.call('m', 'refuse', [])).rejects.toMatchObject({ code: 'NOT_ALLOWED', data: { why: 'scope' } });
    const failed = await left.call('m', 'boom', []).catch((e: BridgeError) => e);
    expect(failed).toMatchObject({ code: 'HANDLER_FAILED' });
    expect((failed as BridgeError).message).not.toContain('internal detail');
  });

  it('without a dispatcher answers MODULE_NOT_FOUND', async () => {
    const { left } = pair();
    expect(await code(left.call('m', 'x', []))).toBe('MODULE_NOT_FOUND');
  });

  it('times out a call with CALL_TIMEOUT and tells the peer to stop', async () => {
    let aborted = false;
    const { left } = pair({ limits: { callTimeout: 30 } }, {
      dispatch: (_call, signal) => new Promise(() => signal.signal.addEventListener('abort', () => (aborted = true))),
    });
    expect(await code(left.call('m', 'slow', []))).toBe('CALL_TIMEOUT');
    await vi.waitFor(() => expect(aborted).toBe(true));
  });

  it('times out each call at its own deadline with one shared timer (a later, shorter call re-arms it)', async () => {
    const { left } = pair({}, { dispatch: (call) => (call.method === 'quick' ? 'fast' : new Promise(() => {})) });
    const order: string[] = [];
    // Both made in the same task, so their order does not depend on how fast the machine is.
    const long = left.call('m', 'long', [], { timeout: 300 }).catch((e: BridgeError) => order.push(`long:${e.code}`));
    const short = left.call('m', 'short', [], { timeout: 40 }).catch((e: BridgeError) => order.push(`short:${e.code}`));
    const never = left.call('m', 'never', [], { timeout: 0 });
    await expect(left.call('m', 'quick', [], { timeout: 60_000 })).resolves.toBe('fast');
    await Promise.all([long, short]);
    expect(order).toEqual(['short:CALL_TIMEOUT', 'long:CALL_TIMEOUT']);
    expect(left.pendingCount).toBe(1);
    void never.catch(() => {});
  });

  it('close() settles every pending call with the given error and aborts running handlers', async () => {
    const aborted: number[] = [];
    const { left, right } = pair({}, {
      dispatch: (call, signal) => new Promise(() => signal.signal.addEventListener('abort', () => aborted.push(call.id))),
    });
    const calls = [left.call('m', 'a', []), left.call('m', 'b', [])].map(code);
    await vi.waitFor(() => expect(left.pendingCount).toBe(2));
    await new Promise((r) => setTimeout(r, 10));
    right.close(new BridgeError(ErrorCode.CONNECTION_RESET, 'reset'));
    left.close(new BridgeError(ErrorCode.CONNECTION_RESET, 'reset'));
    expect(await Promise.all(calls)).toEqual(['CONNECTION_RESET', 'CONNECTION_RESET']);
    expect(aborted).toHaveLength(2);
    expect(left.pendingCount).toBe(0);
    expect(await code(left.call('m', 'c', []))).toBe('CONNECTION_DESTROYED');
  });

  it('queues outgoing calls over maxPending and sends them in order as slots free up', async () => {
    const seen: string[] = [];
    const release: (() => void)[] = [];
    const { left } = pair({ limits: { maxPending: 2 } }, {
      dispatch: (call) => {
        seen.push(call.method);
        return new Promise<string>((resolve) => release.push(() => resolve(call.method)));
      },
    });
    const results = ['a', 'b', 'c', 'd', 'e'].map((m) => left.call('m', m, []));
    await vi.waitFor(() => expect(seen).toEqual(['a', 'b']));
    expect(left.pendingCount).toBe(5);
    release.shift()!();
    await vi.waitFor(() => expect(seen).toEqual(['a', 'b', 'c']));
    while (seen.length < 5 || release.length > 0) {
      release.shift()?.();
      await new Promise((r) => setTimeout(r, 0));
    }
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(seen).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('refuses an outgoing call with TOO_MANY_PENDING only past maxQueued waiting; a waiting call can time out unsent', async () => {
    const seen: string[] = [];
    const { left } = pair({ limits: { maxPending: 1, maxQueued: 2 } }, {
      dispatch: (call) => {
        seen.push(call.method);
        return new Promise(() => {});
      },
    });
    void left.call('m', 'running', []).catch(() => {});
    const waiting = left.call('m', 'waiting', []);
    const timedOut = code(left.call('m', 'timed-out', [], { timeout: 20 }));
    expect(await code(left.call('m', 'refused', []))).toBe('TOO_MANY_PENDING');
    expect(await timedOut).toBe('CALL_TIMEOUT');
    void waiting.catch(() => {});
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual(['running']);
  });

  it('runs incoming calls over maxIncoming later, in arrival order, and refuses only past maxQueued', async () => {
    const started: number[] = [];
    const release: (() => void)[] = [];
    const { left } = pair({}, {
      limits: { maxIncoming: 2, maxQueued: 3 },
      dispatch: (call) => {
        started.push(call.args[0] as number);
        return new Promise<number>((resolve) => release.push(() => resolve(call.args[0] as number)));
      },
    });
    const results = [1, 2, 3, 4, 5, 6].map((n) => code(left.call('m', 'x', [n])));
    expect(await results[5]).toBe('TOO_MANY_PENDING');
    expect(started).toEqual([1, 2]);
    while (started.length < 5 || release.length > 0) {
      release.shift()?.();
      await new Promise((r) => setTimeout(r, 0));
    }
    expect(await Promise.all(results.slice(0, 5))).toEqual(Array(5).fill('resolved'));
    expect(started).toEqual([1, 2, 3, 4, 5]);
  });

  it('never runs more than maxIncoming at once, also when several slots free up in one task', async () => {
    let running = 0;
    let most = 0;
    const release: (() => void)[] = [];
    const { left } = pair({}, {
      limits: { maxIncoming: 2 },
      dispatch: () => {
        most = Math.max(most, ++running);
        return new Promise<void>((resolve) => release.push(() => (running--, resolve())));
      },
    });
    const calls = Array.from({ length: 8 }, () => left.call('m', 'x', []));
    for (let handled = 0; handled < 8; handled += 2) {
      await vi.waitFor(() => expect(release).toHaveLength(2));
      // Both slots free up in the same task.
      for (const go of release.splice(0)) go();
    }
    await Promise.all(calls);
    expect(most).toBe(2);
  });

  it('skips an incoming call that timed out (so was cancelled) while it waited', async () => {
    const started: string[] = [];
    let finish: () => void = () => {};
    const { left } = pair({}, {
      limits: { maxIncoming: 1 },
      dispatch: (call) => {
        started.push(call.method);
        return call.method === 'first' ? new Promise<void>((resolve) => (finish = resolve)) : 'ok';
      },
    });
    const first = left.call('m', 'first', []);
    const skipped = code(left.call('m', 'skipped', [], { timeout: 50 }));
    const last = left.call('m', 'last', []);
    await vi.waitFor(() => expect(started).toEqual(['first']));
    expect(await skipped).toBe('CALL_TIMEOUT');
    // Let the cancel reach the peer before the slot frees up.
    await new Promise((r) => setTimeout(r, 10));
    finish();
    await first;
    expect(await last).toBe('ok');
    expect(started).toEqual(['first', 'last']);
  });

  it('rejects uncloneable arguments with INVALID_ARGUMENT and answers uncloneable results with HANDLER_FAILED', async () => {
    const { left } = pair({}, { dispatch: () => ({ fn: () => 1 }) });
    expect(await code(left.call('m', 'a', [() => 1]))).toBe('INVALID_ARGUMENT');
    expect(await code(left.call('m', 'a', []))).toBe('HANDLER_FAILED');
  });

  it('transfers ArrayBuffers instead of copying them', async () => {
    const { left } = pair({}, { dispatch: (call) => (call.args[0] as ArrayBuffer).byteLength });
    const buffer = new ArrayBuffer(1024);
    await expect(left.call('m', 'size', [buffer])).resolves.toBe(1024);
    expect(buffer.byteLength).toBe(0);
  });

  it('delivers events and reports replies for unknown ids and malformed data', async () => {
    const events: unknown[] = [];
    const drops: string[] = [];
    const { right, channel } = pair({ onEvent: (name, args) => events.push([name, args]), onDrop: (reason) => drops.push(reason) });
    right.emit('flag.close', ['f1']);
    channel.port2.postMessage({ type: 'result', id: 999, value: 1 });
    channel.port2.postMessage({ type: 'call', id: -1 });
    await vi.waitFor(() => expect(drops).toEqual(['UNKNOWN_CALL', 'MALFORMED']));
    expect(events).toEqual([['flag.close', ['f1']]]);
  });
});

describe('resource caps', () => {
  it('answers calls over the payload cap with PAYLOAD_TOO_LARGE and never runs the handler', async () => {
    const drops: string[] = [];
    let ran = 0;
    const { left } = pair({}, { limits: { maxPayloadBytes: 1024 }, onDrop: (r) => drops.push(r), dispatch: () => ++ran });
    expect(await code(left.call('m', 'big', ['x'.repeat(4096)]))).toBe('PAYLOAD_TOO_LARGE');
    expect(await code(left.call('m', 'big', [{ nested: [new ArrayBuffer(2048)] }]))).toBe('PAYLOAD_TOO_LARGE');
    await expect(left.call('m', 'small', ['x'.repeat(100)])).resolves.toBe(1);
    expect(drops).toEqual(['TOO_LARGE', 'TOO_LARGE']);
  });

  it("the plugin's openEndpoint answers its host unbounded: every call runs at once, no payload estimate", async () => {
    const channel = new MessageChannel();
    const release: (() => void)[] = [];
    const left = createEndpoint({ port: channel.port1 });
    const right = openEndpoint({
      port: channel.port2,
      limits: { maxIncoming: 1, maxQueued: 0, maxPayloadBytes: 16 },
      dispatch: (call) => new Promise((resolve) => release.push(() => resolve(call.args.length))),
    });
    open.push(left, right);
    const answers = [left.call('m', 'a', ['x'.repeat(1024)]), left.call('m', 'b', [1, 2])];
    await vi.waitFor(() => expect(release).toHaveLength(2));
    for (const go of release) go();
    expect(await Promise.all(answers)).toEqual([1, 2]);
  });

  it('cuts a peer its meter refuses: closes with RATE_LIMITED before onFlood runs, reports once, reads the rest of the flood without handling it, then closes the port', async () => {
    const drops: string[] = [];
    let handled = 0;
    let admitted = 0;
    let closedAtFlood: boolean | undefined;
    const channel = new MessageChannel();
    let portClosed = false;
    // The endpoint's side of the channel, recording when the endpoint closes it.
    const port: PortLike = {
      postMessage: (message, transfer) => channel.port2.postMessage(message, transfer),
      addEventListener: (type, listener) => channel.port2.addEventListener(type, listener),
      removeEventListener: (type, listener) => channel.port2.removeEventListener(type, listener),
      start: () => channel.port2.start(),
      close: () => {
        portClosed = true;
        channel.port2.close();
      },
    };
    const right = createEndpoint({
      port,
      admit: () => ++admitted <= 20,
      onDrop: (r) => drops.push(r),
      onFlood: () => (closedAtFlood = right.closed),
      dispatch: () => ++handled,
    });
    open.push(right);
    for (let i = 0; i < 500; i++) channel.port1.postMessage({ type: 'call', id: 10_000 + i, module: 'm', method: 'x', args: [] });
    await vi.waitFor(() => expect(right.closed).toBe(true));
    expect(portClosed).toBe(false);
    expect(closedAtFlood).toBe(true);
    expect(drops).toEqual(['RATE_LIMITED']);
    expect(await code(right.call('m', 'x', []))).toBe('CONNECTION_DESTROYED');
    // What the peer had queued is read and dropped, not closed with the port at once (which frees a
    // whole backlog in one task of the host page): the port closes once the queue has gone quiet.
    await vi.waitFor(() => expect(portClosed).toBe(true), { timeout: 10_000 });
    expect(handled).toBe(20);
    // The meter was asked once more than it admitted, then never again.
    expect(admitted).toBe(21);
    expect(drops).toEqual(['RATE_LIMITED']);
  });

  it('without a meter admits everything', async () => {
    let handled = 0;
    const { channel, right } = pair({}, { dispatch: () => ++handled });
    for (let i = 0; i < 100; i++) channel.port1.postMessage({ type: 'call', id: 1 + i, module: 'm', method: 'x', args: [] });
    await vi.waitFor(() => expect(handled).toBe(100));
    expect(right.closed).toBe(false);
  });
});
