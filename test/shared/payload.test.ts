import { describe, expect, it } from 'vitest';
import { collectTransferables, estimateSize } from '../../src/shared/payload.js';

describe('estimateSize', () => {
  it('counts strings, buffers and nested containers and stops past the budget', () => {
    expect(estimateSize('abcd', 1000)).toBeLessThan(100);
    expect(estimateSize({ a: new ArrayBuffer(500) }, 1000)).toBeGreaterThan(500);
    expect(estimateSize([new Uint8Array(2000)], 1000)).toBe(Infinity);
    expect(estimateSize(new Map([['k', 'v'.repeat(600)]]), 1000)).toBe(Infinity);
  });
});

describe('collectTransferables', () => {
  it('finds buffers in arrays, plain objects and typed arrays, once each', () => {
    const a = new ArrayBuffer(1);
    const b = new Uint8Array(2);
    expect(collectTransferables([a, { x: b, y: [a] }])).toEqual([a, b.buffer]);
  });

  it('does not walk class instances or deeper than a few levels', () => {
    class Box {
      constructor(readonly buffer: ArrayBuffer) {}
    }
    expect(collectTransferables([new Box(new ArrayBuffer(1))])).toEqual([]);
    expect(collectTransferables([[[[[[new ArrayBuffer(1)]]]]]])).toEqual([]);
  });
});
