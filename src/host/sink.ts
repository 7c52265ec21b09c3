// Where a cut session's port goes. Whatever the host does with a flood's backlog costs this page:
// closing the port frees tens of thousands of messages in one task (400–800 ms without a frame), and
// draining it dispatches each of them as a task, with frames only every ~100 ms and every other app's
// messages queued behind. A port transferred to a worker takes its backlog along unread, and the
// worker closes it on its own thread. It is transferred at once, not when the worker says it is up:
// that message would reach this page behind the very backlog it is meant to spare. Where no worker
// can be made the port is drained. A Content-Security-Policy without `blob:` in `worker-src` is only
// reported (an `error` event, in Chromium and Firefox alike) after the first cut's port was handed
// over: the browser drops that port with its backlog as a close would, and later cuts are drained.
import { drain, type PortLike } from '../shared/rpc.js';

/** What the sink needs of a worker; `spawn` makes one, or throws where none can be made. */
export interface SinkWorker {
  postMessage(message: null, transfer: Transferable[]): void;
  addEventListener(type: 'error', listener: () => void): void;
  terminate(): void;
}

/** Where a host's cut ports go. */
export interface Sink {
  /** Takes a cut session's port and what the peer queued on it. */
  discard(port: PortLike): void;
  /** Ends the worker, if one was made (the host is destroyed); later ports are drained. */
  close(): void;
}

// Closes every port it is given; says it is up so that its script's URL can be revoked.
const SOURCE = 'onmessage=(e)=>{for(const p of e.ports)p.close()};postMessage(0)';

function spawnBlobWorker(): SinkWorker {
  const url = URL.createObjectURL(new Blob([SOURCE], { type: 'text/javascript' }));
  const worker = new Worker(url);
  const revoke = (): void => URL.revokeObjectURL(url);
  worker.addEventListener('message', revoke, { once: true });
  worker.addEventListener('error', revoke, { once: true });
  return worker;
}

/** A sink for a host's cut ports: one worker, made at the first cut and kept until `close()`. */
export function createSink(spawn: () => SinkWorker = spawnBlobWorker): Sink {
  let worker: SinkWorker | undefined;
  let failed = false;
  const discard = (port: PortLike): void => {
    if (!failed) {
      try {
        if (!worker) {
          worker = spawn();
          // A worker the page may not load drops what it was given; later cuts are drained.
          worker.addEventListener('error', () => (failed = true));
        }
        // The host's ports are MessagePorts; anything else fails to transfer and is drained.
        worker.postMessage(null, [port as unknown as Transferable]);
        return;
      } catch {
        failed = true;
      }
    }
    drain(port);
  };
  return {
    discard,
    close() {
      failed = true;
      worker?.terminate();
      worker = undefined;
    },
  };
}
