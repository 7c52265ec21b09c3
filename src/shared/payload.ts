// What crosses a port: how large a value is, and which of its buffers to transfer, in one walk.

/** How deep in plain arrays and objects a buffer is still transferred rather than copied. */
const TRANSFER_DEPTH = 4;
/** The estimate's fixed cost of any value, and the extra for one that is not a string or a container. */
const NODE = 16;
const SCALAR = 8;

/**
 * Walks a value once, estimating the memory it holds and, when `transfer` is given, collecting its
 * ArrayBuffers (each once) so they are transferred rather than copied. Returns Infinity as soon as
 * the estimate passes `budget`; the walk stops there, so a cyclic or oversized value costs no more
 * than `budget` allows.
 *
 * Buffers are collected only inside plain arrays and objects, a few levels deep: payloads are request
 * bodies and results, and a buffer inside a class instance, a Map or a Set belongs to state the
 * sender keeps using (transferring detaches it), so it is copied.
 *
 * The estimate keeps an oversized payload from reaching handlers, which may store or re-send it;
 * structured clone has already paid for the copy on the receiving side.
 */
export function measure(value: unknown, budget: number, transfer?: ArrayBuffer[]): number {
  let total = 0;
  // Containers still to walk, each with its depth in plain containers (Infinity: below anything else).
  // Strings and scalars are counted where they are found, never stacked: they are most of any payload.
  const stack: unknown[] = [];
  const depths: number[] = [];

  function visit(item: unknown, depth: number): void {
    if (typeof item === 'string') total += NODE + item.length * 2;
    else if (typeof item !== 'object' || item === null) total += NODE + SCALAR;
    else {
      stack.push(item);
      depths.push(depth);
    }
  }

  visit(value, 0);
  while (stack.length > 0 && total <= budget) {
    const item = stack.pop() as object;
    const depth = depths.pop()!;
    total += NODE;
    const below = depth < TRANSFER_DEPTH ? depth + 1 : Infinity;
    if (Array.isArray(item)) {
      for (let i = 0; i < item.length; i++) visit(item[i], below);
    } else if (item instanceof ArrayBuffer || ArrayBuffer.isView(item)) {
      total += item.byteLength;
      const buffer = item instanceof ArrayBuffer ? item : item.buffer;
      if (transfer && depth <= TRANSFER_DEPTH && buffer instanceof ArrayBuffer && !transfer.includes(buffer)) transfer.push(buffer);
    } else if (typeof Blob === 'function' && item instanceof Blob) total += item.size;
    else if (item instanceof Map || item instanceof Set) {
      for (const entry of item) visit(entry, Infinity);
    } else {
      const plain = Object.getPrototypeOf(item) === Object.prototype;
      for (const key in item) {
        if (!Object.prototype.hasOwnProperty.call(item, key)) continue;
        total += key.length * 2;
        visit((item as Record<string, unknown>)[key], plain ? below : Infinity);
      }
    }
  }
  return total > budget ? Infinity : total;
}
