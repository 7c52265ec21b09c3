import { describe, expect, it } from 'vitest';
import { shadowHost } from '../../../src/host/ui/dom.js';
import { UI_CSS } from '../../../src/host/ui/styles.js';

describe('shadowHost', () => {
  it('adopts one stylesheet per document in every root instead of a <style> each', () => {
    const a = shadowHost(document, 'apb-status', 'light');
    const b = shadowHost(document, 'apb-layer', 'dark');
    expect(a.root.adoptedStyleSheets).toHaveLength(1);
    expect(b.root.adoptedStyleSheets[0]).toBe(a.root.adoptedStyleSheets[0]);
    expect(a.root.querySelector('style')).toBeNull();
    expect(b.host.getAttribute('data-theme')).toBe('dark');
  });

  it('falls back to a <style> with the whole stylesheet where sheets cannot be constructed', () => {
    const doc = document.implementation.createHTMLDocument('no constructable sheets');
    const { root } = shadowHost(doc, 'apb-status', 'light');
    expect(root.querySelector('style')?.textContent).toBe(UI_CSS);
  });
});
