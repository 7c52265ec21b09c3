import { afterEach, describe, expect, it, vi } from 'vitest';
import { BridgeError, ErrorCode } from '../../src/shared/errors.js';
import { createEndpoint, type Endpoint, type EndpointOptions } from '../../src/shared/rpc.js';

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
    const long = left.call('m', 'long', [], { timeout: 300 }).catch((e: BridgeError) => order.push(`long:${e.code}`));
    await expect(left.call('m', 'quick', [], { timeout: 10 })).resolves.toBe('fast');
    const short = left.call('m', 'short', [], { timeout: 40 }).catch((e: BridgeError) => order.push(`short:${e.code}`));
    const never = left.call('m', 'never', [], { timeout: 0 });
    await Promise.all([long, short]);
    expect(order).toEqual(['short:CALL_TIMEOUT', 'long:CALL_TIMEOUT']);
    expect(left.pendingCount).toBe(1);
    void never.catch(() => {});
  });

  it('cancels through an AbortSignal with CALL_CANCELLED', async () => {
    const controller = new AbortController();
    const { left } = pair({}, { dispatch: () => new Promise(() => {}) });
    const pending = code(left.call('m', 'slow', [], { signal: controller.signal }));
    controller.abort();
    expect(await pending).toBe('CALL_CANCELLED');
    expect(await code(left.call('m', 'slow', [], { signal: controller.signal }))).toBe('CALL_CANCELLED');
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

  it('caps calls in flight with TOO_MANY_PENDING on both sides', async () => {
    const { left } = pair({ limits: { maxPending: 2 } }, { dispatch: () => new Promise(() => {}) });
    void left.call('m', 'a', []).catch(() => {});
    void left.call('m', 'b', []).catch(() => {});
    expect(await code(left.call('m', 'c', []))).toBe('TOO_MANY_PENDING');

    const other = pair({}, { limits: { maxIncoming: 1 }, dispatch: () => new Promise(() => {}) });
    void other.left.call('m', 'a', []).catch(() => {});
    expect(await code(other.left.call('m', 'b', []))).toBe('TOO_MANY_PENDING');
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

  it('answers a flood over the rate cap with RATE_LIMITED, and recovers', async () => {
    const drops: string[] = [];
    const { left } = pair({}, { limits: { maxRate: 20, maxBurst: 20 }, onDrop: (r) => drops.push(r), dispatch: () => 'ok' });
    const codes = await Promise.all(Array.from({ length: 40 }, () => code(left.call('m', 'x', []))));
    expect(codes.filter((c) => c === 'resolved').length).toBeGreaterThanOrEqual(20);
    expect(codes.filter((c) => c === 'RATE_LIMITED').length).toBeGreaterThan(0);
    expect(drops.every((r) => r === 'RATE_LIMITED')).toBe(true);
    await new Promise((r) => setTimeout(r, 200));
    expect(await code(left.call('m', 'x', []))).toBe('resolved');
  });
});
