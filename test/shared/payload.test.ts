import { describe, expect, it } from 'vitest';
import { measure, transferables as transfers } from '../../src/shared/payload.js';

describe('measure: the size estimate', () => {
  it('counts strings, buffers and nested containers and stops past the budget', () => {
    expect(measure('abcd', 1000)).toBeLessThan(100);
    expect(measure({ a: new ArrayBuffer(500) }, 1000)).toBeGreaterThan(500);
    expect(measure([new Uint8Array(2000)], 1000)).toBe(Infinity);
    expect(measure(new Map([['k', 'v'.repeat(600)]]), 1000)).toBe(Infinity);
    expect(measure({ s: 'x'.repeat(100) }, Infinity)).toBe(measure({ s: 'x'.repeat(50) }, Infinity) + 100);
  });

  it('ends on a cyclic value once the budget is spent', () => {
    const cycle: unknown[] = [];
    cycle.push(cycle);
    expect(measure(cycle, 10_000)).toBe(Infinity);
    expect(transfers(cycle)).toEqual([]);
  });
});

describe('transferables: the buffers of an outgoing value', () => {
  it('finds buffers in arrays, plain objects and typed arrays, once each', () => {
    const a = new ArrayBuffer(1);
    const b = new Uint8Array(2);
    expect(transfers([a, { x: b, y: [a] }]).sort((x, y) => x.byteLength - y.byteLength)).toEqual([a, b.buffer]);
  });

  it('does not take buffers from class instances, Maps or Sets, or deeper than two levels', () => {
    class Box {
      constructor(readonly buffer: ArrayBuffer) {}
    }
    expect(transfers([new Box(new ArrayBuffer(1))])).toEqual([]);
    expect(transfers([new Map([['k', new ArrayBuffer(1)]]), new Set([new ArrayBuffer(1)])])).toEqual([]);
    expect(transfers([[[new ArrayBuffer(1)]]])).toEqual([]);
    expect(transfers([{ a: { b: new ArrayBuffer(1) } }])).toEqual([]);
    const two = new ArrayBuffer(1);
    expect(transfers([[two]])).toEqual([two]);
  });

  it('finds a binary body where calls and replies carry it: [{ data }] and { body }', () => {
    const data = new ArrayBuffer(2000);
    const body = new Uint8Array(8);
    expect(transfers([{ url: '/x', data }])).toEqual([data]);
    expect(transfers({ status: 200, body })).toEqual([body.buffer]);
    expect(transfers(data)).toEqual([data]);
  });

  it('does not descend into a large structured payload (only the receiver walks it, to size it)', () => {
    // A buffer below the records is copied, not searched for: the search stops at the records.
    const records = Array.from({ length: 512 }, (_, i) => ({ id: i, nested: { raw: new ArrayBuffer(1) } }));
    expect(transfers([records])).toEqual([]);
  });
});
