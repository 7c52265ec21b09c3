import { afterEach, describe, expect, it } from 'vitest';
import type { Host } from '../../../src/host/types.js';
import { dialogs, dialogView, open, plug, uiHost, until } from '../../ui.js';

let host: Host | undefined;
afterEach(() => {
  host?.destroy();
  host = undefined;
});

const escape = () => Object.assign(new Event('keydown', { cancelable: true }), { key: 'Escape' });

describe('AP.dialog facade', () => {
  it('is not a dialog outside one, and does not forward Escape from there', async () => {
    host = uiHost();
    const { ap, events } = await open(host);
    expect(ap.dialog.isDialog).toBe(false);
    await ap.dialog.create({ key: 'editor' }).opened;
    events.dispatchEvent(escape());
    await new Promise((r) => setTimeout(r, 30));
    expect(dialogs()).toHaveLength(1);
  });

  it('leaves an Escape the app handled itself (defaultPrevented) alone', async () => {
    host = uiHost();
    const { ap } = await open(host);
    await ap.dialog.create({ key: 'editor' }).opened;
    const inside = await plug(dialogView(host));
    const handled = escape();
    handled.preventDefault();
    inside.events.dispatchEvent(handled);
    await new Promise((r) => setTimeout(r, 30));
    expect(dialogs()).toHaveLength(1);
    inside.events.dispatchEvent(escape());
    await until(() => dialogs().length === 0);
  });

  it('gives focus back, inside the opener, to the element that had it', async () => {
    host = uiHost();
    const { ap, appWindow } = await (async () => {
      const plugged = await open(host!);
      return { ...plugged, appWindow: plugged.view.iframe.contentWindow! };
    })();
    const doc = appWindow.document;
    const button = doc.createElement('button');
    doc.body.appendChild(button);
    button.focus();
    const closed = new Promise((resolve) => ap.dialog.create({ key: 'editor' }).on('close', resolve));
    await until(() => dialogs().length === 1);
    button.blur();
    expect(doc.activeElement).not.toBe(button);
    await ap.dialog.close();
    await closed;
    expect(doc.activeElement).toBe(button);
  });
});
