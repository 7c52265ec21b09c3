// What crosses a port: which buffers to transfer, and how large a received value is.

/**
 * Finds the ArrayBuffers in a value so they are transferred rather than copied. Walks plain arrays and
 * objects only, a few levels deep: payloads are request bodies and results, not arbitrary graphs.
 */
export function collectTransferables(value: unknown, out: ArrayBuffer[] = [], depth = 0): ArrayBuffer[] {
  if (typeof value !== 'object' || value === null || depth > 4) return out;
  if (value instanceof ArrayBuffer) {
    if (!out.includes(value)) out.push(value);
  } else if (ArrayBuffer.isView(value)) {
    const buffer = value.buffer;
    if (buffer instanceof ArrayBuffer && !out.includes(buffer)) out.push(buffer);
  } else if (Array.isArray(value)) {
    for (const item of value) collectTransferables(item, out, depth + 1);
  } else if (Object.getPrototypeOf(value) === Object.prototype) {
    for (const item of Object.values(value)) collectTransferables(item, out, depth + 1);
  }
  return out;
}

/**
 * Estimates the memory a cloned value holds, stopping as soon as `budget` is exceeded (returns
 * Infinity then). Structured clone has already paid for the copy; the estimate keeps an oversized
 * payload from reaching handlers, which may store or re-send it.
 */
export function estimateSize(value: unknown, budget: number): number {
  let total = 0;
  let nodes = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    nodes++;
    if (typeof item === 'string') total += item.length * 2;
    else if (item instanceof ArrayBuffer) total += item.byteLength;
    else if (ArrayBuffer.isView(item)) total += item.byteLength;
    else if (typeof Blob === 'function' && item instanceof Blob) total += item.size;
    else if (item instanceof Map || item instanceof Set) stack.push(...item);
    else if (typeof item === 'object' && item !== null) {
      for (const key of Object.keys(item)) {
        total += key.length * 2;
        stack.push((item as Record<string, unknown>)[key]);
      }
    } else total += 8;
    if (total + nodes * 16 > budget) return Infinity;
  }
  return total + nodes * 16;
}
