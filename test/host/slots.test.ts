import { describe, expect, it } from 'vitest';
import { createSlots } from '../../src/host/slots.js';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('createSlots', () => {
  it('grants up to max per key at once, then serves waiters first come, first served', async () => {
    const slots = createSlots(2, 100);
    const order: string[] = [];
    const take = (name: string) => slots.acquire('app-a').then((release) => (order.push(name), release));
    const first = await take('1');
    const second = await take('2');
    const waiting = [take('3'), take('4'), take('5')];
    await tick();
    expect(order).toEqual(['1', '2']);
    expect(slots.count('app-a')).toEqual({ active: 2, waiting: 3 });
    second();
    second(); // releasing twice frees one slot only
    await tick();
    expect(order).toEqual(['1', '2', '3']);
    first();
    await tick();
    expect(order).toEqual(['1', '2', '3', '4']);
    for (const release of await Promise.all(waiting.slice(0, 2))) release();
    await tick();
    expect(order).toEqual(['1', '2', '3', '4', '5']);
  });

  it('keeps one lane per key: a full key never delays another', async () => {
    const slots = createSlots(1, 100);
    await slots.acquire('app-a');
    void slots.acquire('app-a');
    void slots.acquire('app-a');
    let granted = false;
    await slots.acquire('app-b').then(() => (granted = true));
    expect(granted).toBe(true);
    expect(slots.count('app-a')).toEqual({ active: 1, waiting: 2 });
  });

  it('refuses with TOO_MANY_PENDING past maxWaiting, and takes out a waiter whose signal aborts', async () => {
    const slots = createSlots(1, 2);
    const release = await slots.acquire('k');
    const controller = new AbortController();
    const cancelled = slots.acquire('k', () => controller.signal).catch((e: { code: string }) => e.code);
    const kept = slots.acquire('k');
    expect(await slots.acquire('k').catch((e: { code: string }) => e.code)).toBe('TOO_MANY_PENDING');
    controller.abort();
    expect(await cancelled).toBe('CALL_CANCELLED');
    release();
    const next = await kept;
    expect(slots.count('k')).toEqual({ active: 1, waiting: 0 });
    next();
    expect(slots.count('k')).toEqual({ active: 0, waiting: 0 });
  });
});
