// Where a cut session's port goes: to a worker at once, unread; drained where there is none.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSink, type SinkWorker } from '../../src/host/sink.js';
import type { PortLike } from '../../src/shared/rpc.js';

afterEach(() => {
  vi.useRealTimers();
});

/** A port that records what is done to it and can deliver messages to its listeners. */
function fakePort() {
  const listeners = new Set<(event: MessageEvent) => void>();
  const port = {
    closed: 0,
    deliver: () => listeners.forEach((l) => l(new MessageEvent('message', { data: 'junk' }))),
    get listening() {
      return listeners.size;
    },
    postMessage() {},
    addEventListener: (_type: string, listener: (event: MessageEvent) => void) => listeners.add(listener),
    removeEventListener: (_type: string, listener: (event: MessageEvent) => void) => listeners.delete(listener),
    start() {},
    close() {
      port.closed++;
    },
  } satisfies PortLike & Record<string, unknown>;
  return port;
}

/** A worker that records what it is given, and fails on `fail()`. */
function fakeWorker() {
  const errors: (() => void)[] = [];
  const worker = {
    spawned: 0,
    posted: [] as unknown[][],
    postMessage: (_message: null, transfer: unknown[]) => worker.posted.push(transfer),
    addEventListener: (_type: 'error', listener: () => void) => errors.push(listener),
    terminated: 0,
    terminate: () => void worker.terminated++,
    fail: () => errors.forEach((l) => l()),
  } satisfies SinkWorker & Record<string, unknown>;
  const spawn = (): SinkWorker => {
    worker.spawned++;
    return worker;
  };
  return { worker, spawn };
}

describe('createSink', () => {
  it('hands a cut port to the worker at once, unread and open', () => {
    const { worker, spawn } = fakeWorker();
    const { discard } = createSink(spawn);
    const port = fakePort();
    discard(port);
    // Not after the worker says it is up: that message would queue behind the backlog.
    expect(worker.posted).toEqual([[port]]);
    // The worker closes it on its own thread; this page neither reads nor closes it.
    expect(port.listening).toBe(0);
    expect(port.closed).toBe(0);
  });

  it('makes one worker for every cut of the page, at the first cut', () => {
    const { worker, spawn } = fakeWorker();
    const { discard } = createSink(spawn);
    expect(worker.spawned).toBe(0);
    const [a, b] = [fakePort(), fakePort()];
    discard(a);
    discard(b);
    expect(worker.posted).toEqual([[a], [b]]);
    expect(worker.spawned).toBe(1);
  });

  it('drains later cuts, closing each port once quiet, after the worker failed to load', async () => {
    vi.useFakeTimers();
    const { worker, spawn } = fakeWorker();
    const { discard } = createSink(spawn);
    discard(fakePort());
    worker.fail();
    const port = fakePort();
    discard(port);
    expect(worker.posted).toHaveLength(1);
    expect(port.listening).toBe(1);
    await vi.advanceTimersByTimeAsync(400);
    port.deliver();
    expect(port.closed).toBe(0);
    await vi.advanceTimersByTimeAsync(1_500);
    expect(port.closed).toBe(1);
    expect(port.listening).toBe(0);
  });

  it('drains where no worker can be made (no Worker, or a policy that forbids it)', async () => {
    vi.useFakeTimers();
    let tries = 0;
    const { discard } = createSink(() => {
      tries++;
      throw new DOMException('blocked by worker-src', 'SecurityError');
    });
    const [a, b] = [fakePort(), fakePort()];
    discard(a);
    discard(b);
    expect([a.listening, b.listening]).toEqual([1, 1]);
    expect(tries).toBe(1);
    await vi.advanceTimersByTimeAsync(1_500);
    expect([a.closed, b.closed]).toEqual([1, 1]);
  });

  it('drains a port the worker cannot take', async () => {
    vi.useFakeTimers();
    const { worker, spawn } = fakeWorker();
    worker.postMessage = () => {
      throw new DOMException('not transferable', 'DataCloneError');
    };
    const port = fakePort();
    createSink(spawn).discard(port);
    expect(port.listening).toBe(1);
    await vi.advanceTimersByTimeAsync(1_500);
    expect(port.closed).toBe(1);
  });

  it('ends its worker on close, and drains ports cut after that', async () => {
    vi.useFakeTimers();
    const { worker, spawn } = fakeWorker();
    const sink = createSink(spawn);
    sink.discard(fakePort());
    sink.close();
    expect(worker.terminated).toBe(1);
    const late = fakePort();
    sink.discard(late);
    expect([worker.spawned, worker.posted.length]).toEqual([1, 1]);
    expect(late.listening).toBe(1);
    await vi.advanceTimersByTimeAsync(1_500);
    expect(late.closed).toBe(1);
  });

  it('makes no worker when closed before any cut', () => {
    vi.useFakeTimers();
    const { worker, spawn } = fakeWorker();
    const sink = createSink(spawn);
    sink.close();
    sink.discard(fakePort());
    expect(worker.spawned).toBe(0);
  });
});
