// What crosses a port: how large a value is, and which of its buffers to transfer, in one walk.

/** How deep in plain arrays and objects a buffer is still transferred rather than copied. */
const TRANSFER_DEPTH = 4;

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
  const stack: unknown[] = [value];
  // Depth in plain containers of each stacked value; Infinity once below anything else.
  const depths: number[] = [0];
  while (stack.length > 0) {
    const item = stack.pop();
    const depth = depths.pop()!;
    total += 16;
    if (typeof item === 'string') total += item.length * 2;
    else if (typeof item !== 'object' || item === null) total += 8;
    else if (Array.isArray(item)) {
      const below = depth < TRANSFER_DEPTH ? depth + 1 : Infinity;
      for (let i = 0; i < item.length; i++) {
        stack.push(item[i]);
        depths.push(below);
      }
    } else if (item instanceof ArrayBuffer || ArrayBuffer.isView(item)) {
      total += item.byteLength;
      const buffer = item instanceof ArrayBuffer ? item : item.buffer;
      if (transfer && depth <= TRANSFER_DEPTH && buffer instanceof ArrayBuffer && !transfer.includes(buffer)) transfer.push(buffer);
    } else if (typeof Blob === 'function' && item instanceof Blob) total += item.size;
    else if (item instanceof Map || item instanceof Set) {
      for (const entry of item) {
        stack.push(entry);
        depths.push(Infinity);
      }
    } else {
      const below = depth < TRANSFER_DEPTH && Object.getPrototypeOf(item) === Object.prototype ? depth + 1 : Infinity;
      for (const key of Object.keys(item)) {
        total += key.length * 2;
        stack.push((item as Record<string, unknown>)[key]);
        depths.push(below);
      }
    }
    if (total > budget) return Infinity;
  }
  return total;
}
