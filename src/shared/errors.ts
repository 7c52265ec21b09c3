/** One of the documented {@link ErrorCode} values. */
export type ErrorCode =
  | 'CONNECTION_TIMEOUT'
  | 'CONNECTION_RESET'
  | 'CONNECTION_DESTROYED'
  | 'CALL_TIMEOUT'
  | 'CALL_CANCELLED'
  | 'MODULE_NOT_FOUND'
  | 'METHOD_NOT_FOUND'
  | 'INVALID_ARGUMENT'
  | 'NOT_ALLOWED'
  | 'TOO_MANY_PENDING'
  | 'RATE_LIMITED'
  | 'PAYLOAD_TOO_LARGE'
  | 'HANDLER_FAILED'
  | 'PROTOCOL_MISMATCH'
  | 'NOT_SUPPORTED'
  | 'TOO_MANY_OPEN'
  | 'REQUEST_FAILED'
  | 'QUOTA_EXCEEDED';

// Every code once more, as a value: the list is what all.js carries (to recognise a peer's code), and
// the `ErrorCode` table is built from it, so a bundle that never names the table leaves it out.
const CODES = [
  'CONNECTION_TIMEOUT',
  'CONNECTION_RESET',
  'CONNECTION_DESTROYED',
  'CALL_TIMEOUT',
  'CALL_CANCELLED',
  'MODULE_NOT_FOUND',
  'METHOD_NOT_FOUND',
  'INVALID_ARGUMENT',
  'NOT_ALLOWED',
  'TOO_MANY_PENDING',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'HANDLER_FAILED',
  'PROTOCOL_MISMATCH',
  'NOT_SUPPORTED',
  'TOO_MANY_OPEN',
  'REQUEST_FAILED',
  'QUOTA_EXCEEDED',
] as const satisfies readonly ErrorCode[];

// Fails to compile when a code is missing from CODES.
type Empty<T extends never> = T;
type _CodesComplete = Empty<Exclude<ErrorCode, (typeof CODES)[number]>>;

/**
 * Error codes are API: changing a code is a breaking change, changing a message is not.
 * Every code is listed with its meaning in the README. Each key is its own value
 * (`ErrorCode.CALL_TIMEOUT === 'CALL_TIMEOUT'`).
 */
// Object.fromEntries cannot type its keys; the entries are exactly CODES, each mapped to itself.
export const ErrorCode = /* @__PURE__ */ Object.fromEntries(/* @__PURE__ */ CODES.map((code) => [code, code])) as {
  readonly [C in ErrorCode]: C;
};

const KNOWN_CODES: ReadonlySet<string> = new Set(CODES);

/** The shape an error takes on the wire. */
export interface WireError {
  code: ErrorCode;
  message: string;
  data?: unknown;
}

/**
 * The only error type the bridge rejects with, on both sides.
 *
 * @example
 * ```ts
 * try {
 *   await AP.acme.ping();
 * } catch (e) {
 *   if (e instanceof BridgeError && e.code === 'CALL_TIMEOUT') retry();
 * }
 * ```
 */
export class BridgeError extends Error {
  /** Machine-readable reason; branch on this, never on `message`. */
  readonly code: ErrorCode;
  /** Optional structured detail (for example the HTTP status of a refused request). */
  readonly data: unknown;

  constructor(code: ErrorCode, message: string, data?: unknown) {
    super(message);
    this.name = 'BridgeError';
    this.code = code;
    this.data = data;
  }

  /** The structured-clone-safe form sent in an `error` message. */
  toWire(): WireError {
    const wire: WireError = { code: this.code, message: this.message };
    if (this.data !== undefined) wire.data = this.data;
    return wire;
  }

  /**
   * Rebuilds an error received from the other side. The peer is untrusted, so an unknown code
   * becomes HANDLER_FAILED rather than a value callers could not branch on.
   */
  static fromWire(wire: { code: string; message: string; data?: unknown }): BridgeError {
    const code = KNOWN_CODES.has(wire.code) ? (wire.code as ErrorCode) : 'HANDLER_FAILED';
    return new BridgeError(code, wire.message, wire.data);
  }
}

/** True when `value` is a {@link BridgeError}, optionally with the given code. */
export function isBridgeError(value: unknown, code?: ErrorCode): value is BridgeError {
  return value instanceof BridgeError && (code === undefined || value.code === code);
}
