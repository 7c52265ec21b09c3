import type { RejectionInfo } from './types.js';

/** A refusal before it is counted. */
export type Rejection = Omit<RejectionInfo, 'count'>;

export interface DropReports {
  add(rejection: Rejection): void;
  /** Reports what is still being counted and stops the timer. */
  flush(): void;
}

/**
 * Coalesces refusals per reason and source (view, else origin) over `windowMs`: the first is reported
 * at once, the rest of the window in one report with their count. A hostile frame can make the host
 * refuse 100,000 messages a second; the product's `onRejected` hook (and a UI behind it, like the
 * simulator's inspector) must not run 100,000 times.
 */
export function createDropReports(report: (info: RejectionInfo) => void, windowMs = 1000): DropReports {
  // Keyed without building strings: the add path runs once per refused message.
  const counting = new Map<string, Map<string, { rejection: Rejection; count: number }>>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  function flush(): void {
    clearTimeout(timer);
    timer = undefined;
    const entries = [...counting.values()].flatMap((bySource) => [...bySource.values()]);
    counting.clear();
    for (const { rejection, count } of entries) if (count > 0) report({ ...rejection, count });
  }

  return {
    add(rejection) {
      let bySource = counting.get(rejection.reason);
      if (!bySource) counting.set(rejection.reason, (bySource = new Map()));
      const source = rejection.viewId ?? rejection.origin;
      const entry = bySource.get(source);
      if (entry) {
        entry.count++;
        return;
      }
      bySource.set(source, { rejection, count: 0 });
      report({ ...rejection, count: 1 });
      timer ??= setTimeout(flush, windowMs);
    },
    flush,
  };
}
