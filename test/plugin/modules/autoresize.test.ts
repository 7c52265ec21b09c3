import { describe, expect, it } from 'vitest';
import { createSizeGuard } from '../../../src/plugin/modules/autoresize.js';

/** Simulates the host applying every sent height: the next viewport is what was sent. */
function run(content: (viewport: number) => number, steps = 20): number[] {
  const guard = createSizeGuard();
  let viewport = 150;
  const sent: number[] = [];
  for (let i = 0; i < steps; i++) {
    const height = content(viewport);
    if (!guard.next(height, viewport, i)) break;
    sent.push(height);
    viewport = height;
  }
  return sent;
}

describe('autoresize guard', () => {
  it('follows content up and down', () => {
    const guard = createSizeGuard();
    expect(guard.next(300, 150, 0)).toBe(true);
    expect(guard.next(300, 300, 1)).toBe(false);
    expect(guard.next(500, 300, 2)).toBe(true);
    expect(guard.next(120, 500, 3)).toBe(true);
    expect(guard.next(120, 120, 4)).toBe(false);
  });

  it('settles a page whose height follows the viewport (100vh + margin) after two steps', () => {
    expect(run((viewport) => viewport + 16)).toEqual([166, 182]);
  });

  it('settles an A-B-A bounce', () => {
    expect(run((viewport) => (viewport === 400 ? 380 : 400))).toEqual([400, 380]);
  });

  it('lets go when the content changes by itself while settled', () => {
    const guard = createSizeGuard();
    guard.next(166, 150, 0);
    guard.next(182, 166, 1);
    expect(guard.next(198, 182, 2)).toBe(false);
    expect(guard.next(198, 182, 3)).toBe(false);
    // Real content change at a steady viewport: sent again.
    expect(guard.next(600, 182, 4)).toBe(true);
  });

  it('does not mistake slow, separate growth for feedback', () => {
    const guard = createSizeGuard();
    expect(guard.next(200, 150, 0)).toBe(true);
    expect(guard.next(250, 200, 5000)).toBe(true);
    expect(guard.next(300, 250, 10000)).toBe(true);
  });

  it('follows content the app itself changes, even in equal steps or back and forth', () => {
    // A log that appends one line per resize, and a section toggled open and shut: DOM mutations.
    const guard = createSizeGuard();
    const heights = [170, 190, 210, 230, 210, 230, 210];
    let viewport = 150;
    const sent = heights.filter((height, i) => {
      const send = guard.next(height, viewport, i, true);
      if (send) viewport = height;
      return send;
    });
    expect(sent).toEqual(heights);
  });
});
