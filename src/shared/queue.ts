/**
 * A first-in, first-out queue with O(1) push and shift. `Array#shift` is O(n): draining 10,000
 * waiting calls with it is quadratic, which is exactly when the host is already busy.
 */
export interface Fifo<T> {
  push(item: T): void;
  /** The oldest item, removed; undefined when empty. */
  shift(): T | undefined;
  readonly size: number;
  /** Empties the queue and returns what was in it, oldest first. */
  drain(): T[];
}

export function createFifo<T>(): Fifo<T> {
  let items: (T | undefined)[] = [];
  let head = 0;
  return {
    push(item) {
      items.push(item);
    },
    shift() {
      if (head >= items.length) return undefined;
      const item = items[head];
      items[head++] = undefined;
      // Compact once the consumed prefix is most of the array, so memory follows the live size.
      if (head > 1024 && head * 2 > items.length) {
        items = items.slice(head);
        head = 0;
      }
      return item;
    },
    get size() {
      return items.length - head;
    },
    drain() {
      const rest = items.slice(head) as T[];
      items = [];
      head = 0;
      return rest;
    },
  };
}
