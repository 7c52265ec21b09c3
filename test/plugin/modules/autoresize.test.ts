import { describe, expect, it } from 'vitest';
import { createSizeGuard } from '../../../src/plugin/modules/autoresize.js';

/** Simulates the host applying every sent height: the next viewport is what was sent. */
function run(content: (viewport: number) => number, steps = 20): number[] {
  const guard = createSizeGuard();
  let viewport = 150;
  const sent: number[] = [];
  for (let i = 0; i < steps; i++) {
    const height = content(viewport);
    if (!guard.next(height, viewport)) break;
    sent.push(height);
    viewport = height;
  }
  return sent;
}

describe('autoresize guard', () => {
  it('follows content up and down', () => {
    const guard = createSizeGuard();
    expect(guard.next(300, 150)).toBe(true);
    expect(guard.next(300, 300)).toBe(false);
    expect(guard.next(500, 300)).toBe(true);
    expect(guard.next(120, 500)).toBe(true);
    expect(guard.next(120, 120)).toBe(false);
  });

  it('settles a page whose height follows the viewport (100vh + margin) after two steps', () => {
    expect(run((viewport) => viewport + 16)).toEqual([166, 182]);
  });

  it('settles an A-B-A bounce', () => {
    expect(run((viewport) => (viewport === 400 ? 380 : 400))).toEqual([400, 380]);
  });

  it('lets go when the content changes by itself while settled', () => {
    const guard = createSizeGuard();
    guard.next(166, 150);
    guard.next(182, 166);
    expect(guard.next(198, 182)).toBe(false);
    expect(guard.next(198, 182)).toBe(false);
    // Real content change at a steady viewport: sent again.
    expect(guard.next(600, 182)).toBe(true);
  });

  it('does not mistake growth coming after the resize was applied for feedback', () => {
    // Each resize is applied (a measure with the new viewport, content unchanged), then the content
    // grows by itself (an image loading): the same step each time, yet it is followed.
    const guard = createSizeGuard();
    expect(guard.next(200, 150)).toBe(true);
    expect(guard.next(200, 200)).toBe(false);
    expect(guard.next(250, 200)).toBe(true);
    expect(guard.next(250, 250)).toBe(false);
    expect(guard.next(300, 250)).toBe(true);
    expect(guard.next(300, 300)).toBe(false);
    expect(guard.next(350, 300)).toBe(true);
  });

  it('follows content the app itself changes, even in equal steps or back and forth', () => {
    // A log that appends one line per resize, and a section toggled open and shut: DOM mutations.
    const guard = createSizeGuard();
    const heights = [170, 190, 210, 230, 210, 230, 210];
    let viewport = 150;
    const sent = heights.filter((height) => {
      const send = guard.next(height, viewport, true);
      if (send) viewport = height;
      return send;
    });
    expect(sent).toEqual(heights);
  });
});
