// What crosses a port: how large a received value is, and which buffers of a sent one to transfer.

/** The estimate's fixed cost of any value, and the extra for one that is not a string or a container. */
const NODE = 16;
const SCALAR = 8;

/**
 * Estimates the memory a received value holds. Returns Infinity as soon as the estimate passes
 * `budget`; the walk stops there, so a cyclic or oversized value costs no more than `budget` allows.
 *
 * The estimate keeps an oversized payload from reaching handlers, which may store or re-send it;
 * structured clone has already paid for the copy on the receiving side.
 */
export function measure(value: unknown, budget: number): number {
  let total = 0;
  // Containers still to walk. Strings and scalars are counted where they are found, never stacked:
  // they are most of any payload.
  const stack: unknown[] = [];

  function visit(item: unknown): void {
    if (typeof item === 'string') total += NODE + item.length * 2;
    else if (typeof item !== 'object' || item === null) total += NODE + SCALAR;
    else stack.push(item);
  }

  visit(value);
  while (stack.length > 0 && total <= budget) {
    const item = stack.pop() as object;
    total += NODE;
    if (Array.isArray(item)) {
      for (let i = 0; i < item.length; i++) visit(item[i]);
    } else if (item instanceof ArrayBuffer || ArrayBuffer.isView(item)) total += item.byteLength;
    else if (typeof Blob === 'function' && item instanceof Blob) total += item.size;
    else if (item instanceof Map || item instanceof Set) {
      for (const entry of item) visit(entry);
    } else {
      for (const key in item) {
        if (!Object.prototype.hasOwnProperty.call(item, key)) continue;
        total += key.length * 2;
        visit((item as Record<string, unknown>)[key]);
      }
    }
  }
  return total > budget ? Infinity : total;
}

/**
 * The ArrayBuffers of an outgoing value to transfer rather than copy: the value itself, or an item or
 * own property of it, or one level below that, inside plain arrays and objects. That is where a
 * binary body sits (a call's `[{ data }]`, a reply's `{ body }`); deeper buffers, and buffers inside
 * class instances, Maps or Sets (state the sender keeps using: transferring detaches it), are copied.
 * Staying shallow keeps the search off the path of a large structured payload, which only the
 * receiver walks (to size it).
 */
export function transferables(value: unknown): ArrayBuffer[] {
  const found: ArrayBuffer[] = [];
  collect(value, 2, found);
  return found;
}

function collect(item: unknown, levels: number, found: ArrayBuffer[]): void {
  if (typeof item !== 'object' || item === null) return;
  if (item instanceof ArrayBuffer || ArrayBuffer.isView(item)) {
    const buffer = item instanceof ArrayBuffer ? item : item.buffer;
    if (buffer instanceof ArrayBuffer && !found.includes(buffer)) found.push(buffer);
  } else if (levels > 0) {
    if (Array.isArray(item)) {
      for (let i = 0; i < item.length; i++) collect(item[i], levels - 1, found);
    } else if (Object.getPrototypeOf(item) === Object.prototype) {
      for (const key in item) {
        if (Object.prototype.hasOwnProperty.call(item, key)) collect((item as Record<string, unknown>)[key], levels - 1, found);
      }
    }
  }
}
