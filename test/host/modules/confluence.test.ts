import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ContentProperty } from '../../../src/shared/contracts/confluence.js';
import type { Host, View } from '../../../src/host/types.js';
import { code, plug, uiHost } from '../../ui.js';

let host: Host | undefined;
afterEach(() => {
  host?.destroy();
  host = undefined;
});

const macro = (h: Host, macroId: string) =>
  plug(h.create({ app: 'app-a', moduleKey: 'main', url: '/app', context: { macroId } }, document.body));

describe('confluence', () => {
  it('answers each macro iframe with its own data, through the product hooks', async () => {
    const data: Record<string, Record<string, unknown>> = { m1: { color: 'blue' }, m2: { color: 'red' } };
    const saveMacro = vi.fn();
    const properties = new Map<string, ContentProperty>();
    host = uiHost({
      confluence: {
        getMacroData: (view: View) => data[String(view.context.macroId)] ?? {},
        getMacroBody: () => 'body',
        saveMacro,
        getContentProperty: (key) => properties.get(key),
        setContentProperty: (property) => {
          const saved = { ...property, version: { number: 1 } };
          properties.set(property.key, saved);
          return { property: saved };
        },
      },
    });
    const one = await macro(host, 'm1');
    const two = await macro(host, 'm2');
    expect(await new Promise((resolve) => one.ap.confluence.getMacroData(resolve))).toEqual({ color: 'blue' });
    expect(await two.ap.confluence.getMacroData()).toEqual({ color: 'red' });
    expect(await one.ap.confluence.getMacroBody()).toBe('body');
    await one.ap.confluence.saveMacro({ color: 'green' }, 'new body');
    expect(saveMacro).toHaveBeenCalledWith({ color: 'green' }, 'new body', one.view);
    const set = await new Promise((resolve) => one.ap.confluence.setContentProperty({ key: 'k', value: { a: 1 } }, resolve));
    expect(set).toEqual({ property: { key: 'k', value: { a: 1 }, version: { number: 1 } } });
    expect(await new Promise((resolve) => two.ap.confluence.getContentProperty('k', resolve))).toMatchObject({ value: { a: 1 } });
    expect(await code(one.ap.confluence.setContentProperty({ value: 1 } as never))).toBe('INVALID_ARGUMENT');
    expect(await code(one.ap.confluence.syncPropertyFromServer('k'))).toBe('NOT_SUPPORTED');
    expect(await code(one.ap.confluence.closeMacroEditor())).toBe('NOT_SUPPORTED');
  });

  it('property panel handlers run on their events', async () => {
    host = uiHost();
    const { ap, view } = await macro(host, 'm1');
    const clicked = vi.fn();
    ap.confluence.onMacroPropertyPanelEvent({ settings: clicked });
    host.emit('macro.property.panel.event.settings', (v: View) => v === view);
    await vi.waitFor(() => expect(clicked).toHaveBeenCalledTimes(1));
  });
});
