import { afterEach, describe, expect, it } from 'vitest';
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
  it('shows loading until the handshake completes', async () => {
    host = uiHost();
    const view = host.create({ app: 'app-a', moduleKey: 'main', url: '/app' }, document.body);
    expect(status(view.iframe)?.getAttribute('role')).toBe('status');
    expect(status(view.iframe)?.textContent).toContain('Loading App <b>A</b>');
    await plug(view);
    expect(status(view.iframe)).toBeNull();
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
