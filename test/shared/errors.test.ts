import { describe, expect, it } from 'vitest';
import { BridgeError, ErrorCode, isBridgeError } from '../../src/shared/errors.js';

describe('BridgeError', () => {
  it('round-trips through its wire form with code, message and data', () => {
    const error = new BridgeError(ErrorCode.NOT_ALLOWED, 'nope', { status: 403 });
    const back = BridgeError.fromWire(structuredClone(error.toWire()));
    expect(back).toBeInstanceOf(BridgeError);
    expect(back).toMatchObject({ code: 'NOT_ALLOWED', message: 'nope', data: { status: 403 } });
  });

  it('omits data from the wire form when there is none', () => {
    expect(new BridgeError(ErrorCode.CALL_TIMEOUT, 'late').toWire()).toEqual({ code: 'CALL_TIMEOUT', message: 'late' });
  });

  it('maps an unknown code from the peer to HANDLER_FAILED', () => {
    expect(BridgeError.fromWire({ code: 'EVIL_CODE', message: 'x' }).code).toBe('HANDLER_FAILED');
  });

  it('isBridgeError checks the class and optionally the code', () => {
    const error = new BridgeError(ErrorCode.CALL_CANCELLED, 'c');
    expect(isBridgeError(error)).toBe(true);
    expect(isBridgeError(error, 'CALL_CANCELLED')).toBe(true);
    expect(isBridgeError(error, 'CALL_TIMEOUT')).toBe(false);
    expect(isBridgeError(new Error('x'))).toBe(false);
  });

  it('lists each code once, with the value equal to the key', () => {
    for (const [key, value] of Object.entries(ErrorCode)) expect(value).toBe(key);
  });
});
