import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CallInfo, Host } from '../../../src/host/types.js';
import { layer, open, settle, uiHost, until } from '../../ui.js';

let host: Host | undefined;
afterEach(() => {
  vi.useRealTimers();
  host?.destroy();
  host = undefined;
});

const notices = () => [...layer().querySelectorAll<HTMLElement>('.apb-notice[data-kind="flag"]')];

describe('flag', () => {
  it('shows title, body and actions as literal text in a live region, naming the sending app', async () => {
    host = uiHost();
    const { ap } = await open(host);
    ap.flag.create({ title: '<img src=x onerror=alert(1)>', body: '<script>alert(2)</script>', type: 'error', actions: { retry: '<u>Retry</u>' } });
    await until(() => notices().length === 1);
    const flag = notices()[0]!;
    expect(layer().querySelector('.apb-notices')?.getAttribute('aria-live')).toBe('polite');
    expect(flag.getAttribute('role')).toBe('alert');
    expect(flag.querySelector('.apb-notice-title')?.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(flag.querySelector('.apb-notice-body')?.textContent).toBe('<script>alert(2)</script>');
    expect(flag.querySelector('.apb-notice-app')?.textContent).toBe('From App <b>A</b>');
    expect(flag.querySelector('[data-apb-action="retry"]')?.textContent).toBe('<u>Retry</u>');
    expect(flag.querySelector('img, script, u, b')).toBeNull();
  });

  it('sends flag.action and flag.close to the creating iframe only', async () => {
    host = uiHost();
    const creator = await open(host);
    const sibling = await open(host);
    const got: unknown[] = [];
    const leaked: unknown[] = [];
    creator.ap.events.on('flag.action', (...args: never[]) => got.push(['action', args[0]]));
    creator.ap.events.on('flag.close', (...args: never[]) => got.push(['close', args[0]]));
    sibling.ap.events.on('flag.action', () => leaked.push(1));
    sibling.ap.events.on('flag.close', () => leaked.push(1));
    const flag = creator.ap.flag.create({ title: 'Saved', actions: { undo: 'Undo' } });
    await until(() => notices().length === 1);
    notices()[0]!.querySelector<HTMLButtonElement>('[data-apb-action="undo"]')!.click();
    notices()[0]!.querySelector<HTMLButtonElement>('.apb-close')!.click();
    await until(() => got.length === 2);
    expect(got).toEqual([
      ['action', { flagIdentifier: flag._id, actionIdentifier: 'undo' }],
      ['close', { flagIdentifier: flag._id }],
    ]);
    expect(notices()).toHaveLength(0);
    expect(await flag.close()).toBe(false);
    await new Promise((r) => setTimeout(r, 30));
    expect(leaked).toEqual([]);
  });

  it('closes from the app, auto-closes after 8 s, and goes away with its view', async () => {
    host = uiHost();
    const { ap, view } = await open(host);
    const manual = ap.flag.create({ title: 'one' });
    await until(() => notices().length === 1);
    expect(await manual.close()).toBe(true);
    expect(notices()).toHaveLength(0);

    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    ap.flag.create({ title: 'auto', close: 'auto' });
    await settle(() => notices().length === 1);
    vi.advanceTimersByTime(7999);
    expect(notices()).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(notices()).toHaveLength(0);
    vi.useRealTimers();

    ap.flag.create({ title: 'stays' });
    await until(() => notices().length === 1);
    view.destroy();
    expect(notices()).toHaveLength(0);
  });

  it('refuses bad options (the refused flag gets flag.close); over the cap the oldest flag closes', async () => {
    const outcomes: CallInfo[] = [];
    host = uiHost({ onCall: (info) => outcomes.push(info) });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { ap } = await open(host);
    const other = await open(host, 'app-b');
    const closed: string[] = [];
    ap.events.on('flag.close', (...args: never[]) => closed.push((args[0] as unknown as { flagIdentifier: string }).flagIdentifier));
    const refused = [
      ap.flag.create({ type: 'danger' as never }),
      ap.flag.create({ close: 'never' as never }),
      ap.flag.create({ title: { toString: 'x' } as never }),
    ];
    await until(() => closed.length === 3);
    expect(closed).toEqual(refused.map((flag) => flag._id));
    const flags = Array.from({ length: 6 }, (_, i) => ap.flag.create({ title: `flag ${i}` }));
    other.ap.flag.create({ title: 'app-b has its own budget' });
    await until(() => outcomes.length === 10);
    const flagOutcomes = outcomes.filter((o) => o.module === 'flag').map((o) => `${o.appKey}:${o.outcome}`);
    expect(flagOutcomes.filter((o) => o.startsWith('app-a')).slice(0, 3)).toEqual(['app-a:INVALID_ARGUMENT', 'app-a:INVALID_ARGUMENT', 'app-a:INVALID_ARGUMENT']);
    expect(flagOutcomes.filter((o) => o === 'app-a:ok')).toHaveLength(6);
    expect(flagOutcomes).toContain('app-b:ok');
    await until(() => closed.length === 4);
    expect(closed[3]).toBe(flags[0]!._id);
    // The two apps' calls interleave on their own sessions: compare what is shown, not its order.
    expect(notices().map((n) => n.querySelector('.apb-notice-title')?.textContent).sort()).toEqual(['app-b has its own budget', 'flag 1', 'flag 2', 'flag 3', 'flag 4', 'flag 5']);
    expect(await flags[0]!.close()).toBe(false);
    expect(warn.mock.calls).toHaveLength(3);
    warn.mockRestore();
  });
});
