import { describe, expect, it } from 'vitest';
import { measure } from '../../src/shared/payload.js';

const transfers = (value: unknown, budget = Infinity): ArrayBuffer[] => {
  const out: ArrayBuffer[] = [];
  measure(value, budget, out);
  return out;
};

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
    expect(transfers(cycle, 10_000)).toEqual([]);
  });
});

describe('measure: the buffers to transfer, found in the same walk', () => {
  it('finds buffers in arrays, plain objects and typed arrays, once each', () => {
    const a = new ArrayBuffer(1);
    const b = new Uint8Array(2);
    expect(transfers([a, { x: b, y: [a] }]).sort((x, y) => x.byteLength - y.byteLength)).toEqual([a, b.buffer]);
  });

  it('does not take buffers from class instances, Maps or Sets, or deeper than a few levels', () => {
    class Box {
      constructor(readonly buffer: ArrayBuffer) {}
    }
    expect(transfers([new Box(new ArrayBuffer(1))])).toEqual([]);
    expect(transfers([new Map([['k', new ArrayBuffer(1)]]), new Set([new ArrayBuffer(1)])])).toEqual([]);
    expect(transfers([[[[[[new ArrayBuffer(1)]]]]]])).toEqual([]);
    const four = new ArrayBuffer(1);
    expect(transfers([[[[four]]]])).toEqual([four]);
  });

  it('still transfers a buffer larger than the budget (a binary body), and stops walking after it', () => {
    const body = new ArrayBuffer(2000);
    const later = new ArrayBuffer(1);
    expect(transfers({ body }, 1000)).toEqual([body]);
    expect(transfers([later, body], 1000)).toEqual([body]);
  });
});
