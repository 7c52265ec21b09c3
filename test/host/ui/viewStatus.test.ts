import { afterEach, describe, expect, it, vi } from 'vitest';
import { LOADING_DELAY_MS } from '../../../src/host/ui/viewStatus.js';
import type { Host } from '../../../src/host/types.js';
import { plug, uiHost, until } from '../../ui.js';

let host: Host | undefined;
afterEach(() => {
  host?.destroy();
  host = undefined;
});

const status = (iframe: HTMLIFrameElement) => {
  const box = iframe.previousElementSibling;
  return box?.tagName === 'APB-STATUS' ? box.shadowRoot!.querySelector<HTMLElement>('.apb-status') : null;
};

describe('view status', () => {
  it('shows loading when the handshake takes longer than LOADING_DELAY_MS, until it completes', async () => {
    host = uiHost();
    const view = host.create({ app: 'app-a', moduleKey: 'main', url: '/app' }, document.body);
    // Not drawn in the task that created the view: that is when the app's frame is being committed.
    expect(status(view.iframe)).toBeNull();
    await until(() => status(view.iframe) !== null);
    expect(status(view.iframe)?.getAttribute('role')).toBe('status');
    expect(status(view.iframe)?.getAttribute('aria-busy')).toBe('true');
    expect(status(view.iframe)?.textContent).toContain('Loading App <b>A</b>');
    await plug(view);
    expect(status(view.iframe)).toBeNull();
  });

  it('never draws the loading state of a view that connects within LOADING_DELAY_MS', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      host = uiHost();
      const view = host.create({ app: 'app-a', moduleKey: 'main', url: '/app' }, document.body);
      // Connects over real ports while no (fake) time passes.
      await plug(view);
      vi.advanceTimersByTime(LOADING_DELAY_MS * 2);
      expect(document.querySelector('apb-status')).toBeNull();
      // One still loading when the delay is up is drawn then.
      const slow = host.create({ app: 'app-a', moduleKey: 'main', url: '/app' }, document.body);
      vi.advanceTimersByTime(LOADING_DELAY_MS - 1);
      expect(status(slow.iframe)).toBeNull();
      vi.advanceTimersByTime(1);
      expect(status(slow.iframe)?.getAttribute('data-state')).toBe('loading');
      // Destroyed before its delay: nothing is drawn for it later.
      const gone = host.create({ app: 'app-a', moduleKey: 'main', url: '/app' }, document.body);
      gone.destroy();
      vi.advanceTimersByTime(LOADING_DELAY_MS);
      expect(document.querySelectorAll('apb-status')).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows "not responding" with a retry when the app never answers, and recovers', async () => {
    host = uiHost({ timeouts: { handshake: 50 } });
    const view = host.create({ app: 'app-a', moduleKey: 'main', url: '/app' }, document.body);
    await until(() => view.state === 'unresponsive');
    const shown = status(view.iframe)!;
    expect(shown.getAttribute('role')).toBe('alert');
    expect(shown.textContent).toContain('App <b>A</b> is not responding.');
    shown.querySelector('button')!.click();
    expect(status(view.iframe)?.getAttribute('data-state')).toBe('loading');
    await until(() => status(view.iframe)?.getAttribute('data-state') === 'unresponsive');
    status(view.iframe)!.querySelector('button')!.click();
    await plug(view);
    expect(status(view.iframe)).toBeNull();
    view.destroy();
  });

  it('themes and places the layer per the ui options', async () => {
    const container = document.createElement('div');
    document.body.appendChild(container);
    host = uiHost({ ui: { container, theme: 'dark' } });
    const { ap } = await plug(host.create({ app: 'app-a', moduleKey: 'main', url: '/app' }, document.body));
    ap.flag.create({ title: 'x' });
    await until(() => container.querySelector('apb-layer') !== null);
    expect(container.querySelector('apb-layer')?.getAttribute('data-theme')).toBe('dark');
    host.destroy();
    expect(container.querySelector('apb-layer')).toBeNull();
    container.remove();
  });
});
