import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Host } from '../../../src/host/types.js';
import { code, open, uiHost } from '../../ui.js';

let host: Host | undefined;
afterEach(() => {
  window.scrollTo(0, 0);
  host?.destroy();
  host = undefined;
});

describe('scrollPosition', () => {
  it('reads and sets the product window scroll for full pages', async () => {
    host = uiHost();
    const { ap, view } = await open(host, 'app-a', 'page');
    const position = await new Promise((resolve) => ap.scrollPosition.getPosition(resolve));
    expect(position).toEqual({ scrollX: window.scrollX, scrollY: window.scrollY, width: window.innerWidth, height: window.innerHeight });
    const scrollTo = vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
    const top = view.iframe.getBoundingClientRect().top + window.scrollY;
    await ap.scrollPosition.setVerticalPosition(120);
    expect(scrollTo).toHaveBeenCalledWith({ top: top + 120, left: window.scrollX });
    expect(await code(ap.scrollPosition.setVerticalPosition(Infinity))).toBe('INVALID_ARGUMENT');
    scrollTo.mockRestore();
  });

  it('is NOT_SUPPORTED outside full pages', async () => {
    host = uiHost();
    const { ap } = await open(host);
    expect(await code(ap.scrollPosition.getPosition())).toBe('NOT_SUPPORTED');
  });

  it('sends scroll.nearTop to full pages only when the product page scrolls near its top', async () => {
    host = uiHost();
    const page = await open(host, 'app-a', 'page');
    const panel = await open(host);
    const onPage = vi.fn();
    const onPanel = vi.fn();
    page.ap.events.on('scroll.nearTop', onPage);
    panel.ap.events.on('scroll.nearTop', onPanel);
    window.dispatchEvent(new Event('scroll'));
    await vi.waitFor(() => expect(onPage).toHaveBeenCalledTimes(1));
    expect(onPage.mock.calls[0]![0]).toMatchObject({ scrollY: window.scrollY });
    expect(onPanel).not.toHaveBeenCalled();
  });
});
