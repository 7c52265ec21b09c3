import { describe, expect, it } from 'vitest';
import { checkHello, checkPortMessage, checkWindowName, isName } from '../../src/shared/guards.js';

const channel = '0123456789abcdef0123456789abcdef';

describe('checkHello', () => {
  it('accepts a well-formed hello and returns a fresh object', () => {
    const data = { apb: 1, type: 'hello', channel, version: 1, extra: 'dropped' };
    const checked = checkHello(data);
    expect(checked).toEqual({ ok: true, value: { apb: 1, type: 'hello', channel, version: 1 } });
  });

  it("accepts Connect's xdm_c as the channel (sent when window.name is not the host's)", () => {
    const xdm = 'channel-com.acme.planner__issue-panel';
    expect(checkHello({ apb: 1, type: 'hello', channel: xdm, version: 1 })).toEqual({ ok: true, value: { apb: 1, type: 'hello', channel: xdm, version: 1 } });
  });

  it.each([
    ['null', null],
    ['a string', 'hello'],
    ['no marker', { type: 'hello', channel, version: 1 }],
    ['wrong marker', { apb: 2, type: 'hello', channel, version: 1 }],
    ['wrong type', { apb: 1, type: 'welcome', channel, version: 1 }],
    ['empty channel', { apb: 1, type: 'hello', channel: '', version: 1 }],
    ['channel with a space', { apb: 1, type: 'hello', channel: 'channel a', version: 1 }],
    ['channel with a slash', { apb: 1, type: 'hello', channel: '../x', version: 1 }],
    ['channel over 256 characters', { apb: 1, type: 'hello', channel: 'c'.repeat(257), version: 1 }],
    ['numeric channel', { apb: 1, type: 'hello', channel: 42, version: 1 }],
    ['string version', { apb: 1, type: 'hello', channel, version: '1' }],
    ['negative version', { apb: 1, type: 'hello', channel, version: -1 }],
  ])('refuses %s as MALFORMED', (_label, data) => {
    expect(checkHello(data)).toEqual({ ok: false, reason: 'MALFORMED' });
  });

  it('ignores fields supplied through the prototype', () => {
    const data = Object.create({ apb: 1, type: 'hello', channel, version: 1 });
    expect(checkHello(data).ok).toBe(false);
  });
});

describe('checkPortMessage', () => {
  it('accepts each message type, as an equal fresh object', () => {
    const messages = [
      { type: 'call', id: 1, module: 'acme', method: 'ping', args: [1] },
      { type: 'result', id: 1, value: { a: 1 } },
      { type: 'error', id: 1, error: { code: 'CALL_TIMEOUT', message: 'x', data: undefined } },
      { type: 'event', name: 'dialog.close', args: [] },
      { type: 'cancel', id: 3 },
      { type: 'welcome', session: 's', version: 1, modules: { acme: ['ping'] }, options: {} },
    ];
    for (const message of messages) {
      const checked = checkPortMessage(message);
      expect(checked).toEqual(message);
      expect(checked).not.toBe(message);
    }
  });

  it.each([
    ['call id 0', { type: 'call', id: 0, module: 'a', method: 'b', args: [] }],
    ['fractional id', { type: 'call', id: 1.5, module: 'a', method: 'b', args: [] }],
    ['dotted module', { type: 'call', id: 1, module: 'a.b', method: 'c', args: [] }],
    ['module too long', { type: 'call', id: 1, module: 'a'.repeat(65), method: 'c', args: [] }],
    ['args not an array', { type: 'call', id: 1, module: 'a', method: 'b', args: { 0: 1 } }],
    ['too many args', { type: 'call', id: 1, module: 'a', method: 'b', args: new Array(33).fill(0) }],
    ['error without code', { type: 'error', id: 1, error: { message: 'x' } }],
    ['empty event name', { type: 'event', name: '', args: [] }],
    ['welcome with bad modules', { type: 'welcome', session: 's', version: 1, modules: { a: 'ping' } }],
    ['refusal without a code', { type: 'refusal', message: 'x' }],
    ['refusal with a non-name code', { type: 'refusal', code: 'a b', message: 'x' }],
    ['unknown type', { type: 'hello', id: 1 }],
    ['array', [1, 2]],
  ])('refuses %s', (_label, data) => {
    expect(checkPortMessage(data)).toBeNull();
  });

  it('reads a handshake refusal as its own message type, with its code and message only', () => {
    const checked = checkPortMessage({ type: 'refusal', code: 'PROTOCOL_MISMATCH', message: 'v2 only', extra: 1 });
    expect(checked).toEqual({ type: 'refusal', code: 'PROTOCOL_MISMATCH', message: 'v2 only' });
  });

  it('copies only checked fields into the typed message', () => {
    const checked = checkPortMessage({ type: 'call', id: 1, module: 'a', method: 'b', args: [], ctx: { app: 'forged' } });
    expect(Object.keys(checked ?? {}).sort()).toEqual(['args', 'id', 'method', 'module', 'type']);
  });

  it('truncates overlong error messages from the peer', () => {
    const checked = checkPortMessage({ type: 'error', id: 1, error: { code: 'X', message: 'm'.repeat(10_000) } });
    expect(checked?.type === 'error' && checked.error.message.length).toBe(2048);
  });
});

describe('isName', () => {
  it('accepts identifiers and refuses everything else', () => {
    expect(isName('getCurrentUser')).toBe(true);
    expect(isName('$x_1')).toBe(true);
    for (const bad of ['', '1a', 'a-b', 'a.b', 'a b', 'x'.repeat(65), 1, null]) expect(isName(bad)).toBe(false);
  });
});

describe('checkWindowName', () => {
  it('reads the host instructions', () => {
    const name = JSON.stringify({ apb: 1, host: 'https://p.example', channel, options: { isDialog: true } });
    expect(checkWindowName(name)).toEqual({ apb: 1, host: "https://p.example", channel, options: { isDialog: true }, modules: {} });
  });

  it.each(['', 'frame1', '{not json', '{"apb":2}', JSON.stringify({ apb: 1, host: 5, channel })])('ignores %j', (name) => {
    expect(checkWindowName(name)).toBeNull();
  });
});
