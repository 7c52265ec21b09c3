// Golden wire fixtures, one file per module (test/fixtures/wire/modules/<module>.json): each case is
// an AP call and the exact messages it and its answer put on the port. Here the real facade and the
// real host module run over the in-memory link; e2e/core/wire.spec.ts replays the same fixtures
// between two origins in Chromium. `UPDATE_WIRE_FIXTURES=1 npx vitest run test/shared/contracts`
// rewrites the files from what is recorded (review the diff: it is a wire change).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../../src/host/types.js';
import { messagesOf, type WireFixture } from '../../fixtures/wire/replay.js';
import { linked } from '../../data.js';
import setup from '../../fixtures/wire/host.json';

const dir = join(__dirname, '../../fixtures/wire/modules');
const files = readdirSync(dir).filter((file) => file.endsWith('.json'));
const recorded: unknown[] = [];
// The ports' own class (the MessageChannel global here is Node's, not the DOM stand-in's MessagePort).
const portPrototype = Object.getPrototypeOf(new MessageChannel().port1) as MessagePort;
const post = portPrototype.postMessage;

beforeAll(() => {
  // Every message either side posts on a port, in order (both halves share this realm).
  portPrototype.postMessage = function (this: MessagePort, message: unknown, ...rest: never[]) {
    recorded.push(structuredClone(message));
    return post.call(this, message, ...rest);
  };
});
afterAll(() => {
  portPrototype.postMessage = post;
});
let host: Host | undefined;
afterEach(() => host?.destroy());

async function connect() {
  const link = await linked(setup.hostOptions, { app: setup.app, view: setup.view, plugin: { resize: false } });
  host = link.host;
  return link.ap as unknown as Record<string, unknown>;
}

/** One message per line, so that a wire change reads as a one-line diff. */
function format(fixture: WireFixture): string {
  const cases = fixture.cases.map(
    (c) =>
      `    {\n      "name": ${JSON.stringify(c.name)},\n      "invoke": ${JSON.stringify(c.invoke)},\n      "wire": [\n${c.wire
        .map((m) => `        ${JSON.stringify(m)}`)
        .join(',\n')}\n      ]\n    }`,
  );
  return `{\n  "module": ${JSON.stringify(fixture.module)},\n  "cases": [\n${cases.join(',\n')}\n  ]\n}\n`;
}

/** One step of an AP path: a property, or `name()` for what a getter method returns (`getEditComponent()`). */
function step(object: Record<string, unknown>, name: string): Record<string, unknown> {
  if (!name.endsWith('()')) return object[name] as Record<string, unknown>;
  return (object[name.slice(0, -2)] as () => Record<string, unknown>).call(object);
}

function invoke(ap: Record<string, unknown>, [path, ...args]: [string, ...unknown[]]): Promise<unknown> {
  const names = path.split('.');
  const method = names.pop()!;
  const owner = names.reduce<Record<string, unknown>>((object, name) => step(object, name), ap);
  const fn = owner[method] as (...a: unknown[]) => unknown;
  return Promise.resolve(fn.apply(owner, args)).catch(() => undefined);
}

/** Waits until the answer to the recorded call (a result or an error) has been posted. */
async function answered(module: string, method: string): Promise<unknown[]> {
  for (let i = 0; i < 500; i++) {
    const messages = messagesOf(recorded, module, method) as { type: string }[];
    if (messages.some((m) => m.type === 'result' || m.type === 'error')) return messages;
    await new Promise((r) => setTimeout(r, 2));
  }
  return messagesOf(recorded, module, method);
}

describe('golden wire fixtures: every module, over the in-memory link', () => {
  it('has a fixture file for every module the plugin builds', async () => {
    const ap = await connect();
    const modules = new Set(files.map((file) => file.replace(/\.json$/, '')));
    const facades = Object.keys(ap).filter((key) => typeof ap[key] === 'object' && key !== 'Meta');
    expect(facades.filter((name) => !modules.has(name))).toEqual([]);
  });

  for (const file of files) {
    const fixture = JSON.parse(readFileSync(join(dir, file), 'utf8')) as WireFixture;
    it(`${fixture.module}: ${fixture.cases.map((c) => c.name).join(', ')}`, async () => {
      const ap = await connect();
      for (const wireCase of fixture.cases) {
        recorded.length = 0;
        const call = wireCase.wire[0];
        if (call?.type !== 'call') throw new Error(`${file}: case ${wireCase.name} must start with its call`);
        void invoke(ap, wireCase.invoke);
        const got = await answered(call.module, call.method);
        if (process.env.UPDATE_WIRE_FIXTURES) wireCase.wire = got as WireFixture['cases'][number]['wire'];
        else expect(got, `${fixture.module}: ${wireCase.name}`).toEqual(wireCase.wire);
      }
      if (process.env.UPDATE_WIRE_FIXTURES) writeFileSync(join(dir, file), format(fixture));
    });
  }
});
