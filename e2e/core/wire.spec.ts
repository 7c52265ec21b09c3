// The golden wire fixtures (test/fixtures/wire/modules/<module>.json), replayed in Chromium between
// host.test and app-a.test: each AP call must put exactly the fixture's messages on the real port,
// as it does over the in-memory link in test/shared/contracts/modules.wire.test.ts.
import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { messagesOf, type WireFixture } from '../../test/fixtures/wire/replay.js';
import { APP_A, HOST, frameFor } from '../helpers.js';

const dir = join(import.meta.dirname, '../../test/fixtures/wire/modules');
const setup: unknown = JSON.parse(readFileSync(join(import.meta.dirname, '../../test/fixtures/wire/host.json'), 'utf8'));
const fixtures = readdirSync(dir)
  .filter((file) => file.endsWith('.json'))
  .map((file) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as WireFixture);

type AppWindow = Window & { wire: unknown[]; AP: Record<string, unknown> };
type Recorded = { type: string; id?: number; module?: string; method?: string };

test('every module puts exactly its wire fixture on the port between two origins', async ({ page }) => {
  // Twenty views, one after the other, on a loaded machine.
  test.setTimeout(300_000);
  expect(fixtures.length).toBeGreaterThanOrEqual(20);
  await page.goto(`${HOST}/fixtures/wire-host.html`);
  for (const fixture of fixtures) {
    await test.step(fixture.module, async () => {
      // A fresh view (and session) per module, so that every fixture's call ids start from 1.
      const id = await page.evaluate(([s, origin]) => (window as unknown as { open(s: unknown, o: string): string }).open(s, origin), [setup, APP_A] as const);
      const frame = await frameFor(page, id);
      for (const wireCase of fixture.cases) {
        const call = wireCase.wire[0];
        if (call?.type !== 'call') throw new Error(`${fixture.module}: case ${wireCase.name} must start with its call`);
        await frame.evaluate(([path, ...args]) => {
          const w = window as unknown as AppWindow;
          w.wire.length = 0;
          const names = path.split('.');
          const method = names.pop()!;
          // `name()` steps call a getter method (`customContent.getEditComponent().intercept`).
          const owner = names.reduce<Record<string, unknown>>(
            (object, name) =>
              (name.endsWith('()') ? (object[name.slice(0, -2)] as () => unknown).call(object) : object[name]) as Record<string, unknown>,
            w.AP,
          );
          void Promise.resolve((owner[method] as (...a: unknown[]) => unknown).apply(owner, args)).catch(() => {});
        }, wireCase.invoke);
        await frame.waitForFunction(
          ({ module, method }) => {
            const wire = (window as unknown as AppWindow).wire as Recorded[];
            const sent = wire.find((m) => m.type === 'call' && m.module === module && m.method === method);
            return sent !== undefined && wire.some((m) => (m.type === 'result' || m.type === 'error') && m.id === sent.id);
          },
          { module: call.module, method: call.method },
        );
        const recorded = await frame.evaluate(() => (window as unknown as AppWindow).wire);
        expect(messagesOf(recorded, call.module, call.method), `${fixture.module}: ${wireCase.name}`).toEqual(wireCase.wire);
      }
    });
  }
});
