import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Host } from '../../../src/host/types.js';
import { layer, open, settle, uiHost, until } from '../../ui.js';

let host: Host | undefined;
afterEach(() => {
  vi.useRealTimers();
  host?.destroy();
  host = undefined;
});

const messages = () => [...layer().querySelectorAll<HTMLElement>('.apb-notice[data-kind="message"]')];

describe('messages', () => {
  it('shows every type, as text, naming the app; error and warning are alerts', async () => {
    host = uiHost();
    const { ap } = await open(host);
    for (const type of ['info', 'success', 'warning', 'error', 'generic'] as const) ap.messages[type](`${type} <b>title</b>`, 'body <i>x</i>');
    await until(() => messages().length === 5);
    expect(messages().map((m) => m.getAttribute('data-type'))).toEqual(['info', 'success', 'warning', 'error', 'generic']);
    expect(messages().map((m) => m.getAttribute('role'))).toEqual(['status', 'status', 'alert', 'alert', 'status']);
    expect(messages()[0]!.querySelector('.apb-notice-title')?.textContent).toBe('info <b>title</b>');
    expect(messages()[0]!.querySelector('.apb-notice-body')?.textContent).toBe('body <i>x</i>');
    expect(layer().querySelector('.apb-notices b, .apb-notices i')).toBeNull();
  });

  it("over the app's cap, the newest message is shown and the app's oldest is closed (onClose fires)", async () => {
    host = uiHost();
    const { ap } = await open(host);
    const other = await open(host, 'app-b');
    other.ap.messages.info('app-b keeps its own', '');
    const closed: string[] = [];
    const handles = [1, 2, 3, 4, 5].map((n) => ap.messages.info(`m${n}`, ''));
    ap.messages.onClose(handles[0]!, () => closed.push('m1'));
    await until(() => messages().length === 6);
    ap.messages.hint('newest', '');
    await until(() => closed.length === 1);
    expect(closed).toEqual(['m1']);
    expect(messages().map((m) => m.querySelector('.apb-notice-title')?.textContent)).toEqual(['app-b keeps its own', 'm2', 'm3', 'm4', 'm5', 'newest']);
  });

  it('a message the host refused does not look alive: its onClose fires', async () => {
    host = uiHost();
    const { ap } = await open(host);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const refused = ap.messages.info({ not: 'a title' } as never, 'body');
    const closed = await new Promise((resolve) => ap.messages.onClose(refused, resolve));
    expect(closed).toEqual({ _id: refused._id });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('AP.messages.info'), expect.anything());
    warn.mockRestore();
  });

  it('clear and onClose work with the returned handle; the close button calls onClose too', async () => {
    host = uiHost();
    const { ap } = await open(host);
    const closed: string[] = [];
    const first = ap.messages.info('first', 'one');
    ap.messages.onClose(first, (m) => closed.push(m._id));
    const second = ap.messages.success('second', 'two');
    ap.messages.onClose(second, (m) => closed.push(m._id));
    await until(() => messages().length === 2);
    expect(await ap.messages.clear(first)).toBe(true);
    expect(await ap.messages.clear(first)).toBe(false);
    messages()[0]!.querySelector<HTMLButtonElement>('.apb-close')!.click();
    await until(() => closed.length === 2);
    expect(closed).toEqual([first._id, second._id]);
  });

  it('honours closeable and fadeout with delay; pauses while hovered', async () => {
    host = uiHost();
    const { ap } = await open(host);
    ap.messages.warning('sticky', 'no close button', { closeable: false });
    await until(() => messages().length === 1);
    expect(messages()[0]!.querySelector('.apb-close')).toBeNull();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    ap.messages.info('fading', 'soon gone', { fadeout: true, delay: 2000 });
    await settle(() => messages().length === 2);
    const fading = messages()[1]!;
    fading.dispatchEvent(new Event('mouseenter'));
    vi.advanceTimersByTime(5000);
    expect(messages()).toHaveLength(2);
    fading.dispatchEvent(new Event('mouseleave'));
    vi.advanceTimersByTime(2000);
    expect(messages()).toHaveLength(1);
  });
});
