import { LIMITS, MARKER, type Hello, type PortMessage, type WindowName } from './protocol.js';

/**
 * Why an inbound message was dropped. Reported to the host's `onRejected` hook; documented in the
 * README next to the error codes.
 */
export const DropReason = {
  /** Not an object, wrong field types, names too long, unknown message type. */
  MALFORMED: 'MALFORMED',
  /** A hello for a channel this host never created (or already destroyed), from none of its views' iframes. */
  UNKNOWN_CHANNEL: 'UNKNOWN_CHANNEL',
  /** The hello came from a window other than the iframe made for its channel. */
  WRONG_SOURCE: 'WRONG_SOURCE',
  /** The hello came from an origin other than the app's registered origin. */
  WRONG_ORIGIN: 'WRONG_ORIGIN',
  /** The hello did not carry exactly one MessagePort. */
  NO_PORT: 'NO_PORT',
  /** The plugin speaks a protocol version this host does not. */
  PROTOCOL_MISMATCH: 'PROTOCOL_MISMATCH',
  /** A reply for a call id that is not pending (late, duplicate, or forged). */
  UNKNOWN_CALL: 'UNKNOWN_CALL',
  /** The peer sent more messages per second than the session allows. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** A call whose arguments exceed the session's payload cap. */
  TOO_LARGE: 'TOO_LARGE',
} as const;

/** One of the documented {@link DropReason} values. */
export type DropReason = (typeof DropReason)[keyof typeof DropReason];

/** The outcome of checking untrusted data: a typed value, or why it was refused. */
export type Checked<T> = { ok: true; value: T } | { ok: false; reason: DropReason };

const malformed = { ok: false, reason: DropReason.MALFORMED } as const;

/** Own-property read: a payload whose prototype was tampered with must not supply fields. */
export function own(record: object, key: string): unknown {
  return Object.hasOwn(record, key) ? (record as Record<string, unknown>)[key] : undefined;
}

const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

/** Names that address prototypes when used as property keys; never used as module or method names. */
export function isReservedName(name: string): boolean {
  return RESERVED.has(name);
}

/**
 * A shallow copy of a peer's options object with prototype-addressing keys removed, so that a later
 * `Object.assign` or property write cannot be turned into a prototype change.
 */
export function plainCopy(value: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!isRecord(value)) return out;
  for (const key of Object.keys(value)) {
    if (!RESERVED.has(key)) out[key] = value[key];
  }
  return out;
}

/** A plain object (structured clone never yields class instances with own getters), not an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const NAME = /^[A-Za-z_$][\w$]*$/;

/** Module and method names: short identifiers, nothing that could address a prototype by path. */
export function isName(value: unknown): value is string {
  return typeof value === 'string' && value.length <= LIMITS.nameLength && NAME.test(value);
}

function isEventName(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= LIMITS.eventNameLength;
}

function isId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isArgs(value: unknown): value is unknown[] {
  return Array.isArray(value) && value.length <= LIMITS.args;
}

/**
 * A channel id: the host's random hex id from window.name, or Connect's `xdm_c` (`channel-<app
 * key>__<module key>`), which the plugin sends when window.name is not ours. Only a lookup key: the
 * host binds a hello to a view by its window and origin (handshake.ts).
 */
function isChannel(value: unknown): value is string {
  return typeof value === 'string' && value.length <= LIMITS.channelLength && /^[\w.~-]+$/.test(value);
}

/** True when data posted to a window claims to be ours (cheap pre-filter for shared listeners). */
export function isBridgeEnvelope(data: unknown): data is object {
  return isRecord(data) && own(data, MARKER) === 1;
}

/** Checks a hello posted to the host window. Origin and source are checked by the host, not here. */
export function checkHello(data: unknown): Checked<Hello> {
  if (!isBridgeEnvelope(data) || own(data, 'type') !== 'hello') return malformed;
  const channel = own(data, 'channel');
  const version = own(data, 'version');
  if (!isChannel(channel) || !isId(version)) return malformed;
  return { ok: true, value: { apb: 1, type: 'hello', channel, version } };
}

/** Reads the host's instructions from the iframe's window.name, or null when it is not ours. */
export function checkWindowName(name: string): WindowName | null {
  if (!name.startsWith('{')) return null;
  let data: unknown;
  try {
    data = JSON.parse(name);
  } catch {
    return null;
  }
  if (!isBridgeEnvelope(data)) return null;
  const host = own(data, 'host');
  const channel = own(data, 'channel');
  const options = own(data, 'options');
  if (typeof host !== 'string' || !isChannel(channel)) return null;
  const modules = checkModules(own(data, 'modules')) ?? {};
  return { apb: 1, host, channel, options: plainCopy(options), modules };
}

function checkWireError(value: unknown): { code: string; message: string; data?: unknown } | null {
  if (!isRecord(value)) return null;
  const code = own(value, 'code');
  const message = own(value, 'message');
  if (!isName(code) || typeof message !== 'string') return null;
  return {
    code,
    message: message.slice(0, LIMITS.messageLength),
    data: own(value, 'data'),
  };
}

function checkModules(value: unknown): Record<string, string[]> | null {
  if (!isRecord(value)) return null;
  const modules: Record<string, string[]> = Object.create(null);
  for (const name of Object.keys(value)) {
    const methods = own(value, name);
    if (!isName(name) || !Array.isArray(methods) || !methods.every(isName)) return null;
    modules[name] = [...methods];
  }
  return modules;
}

/**
 * Turns data received on a port into a typed message, or null when it is malformed (the only reason a
 * port message is dropped here). Builds a fresh object from checked fields, so nothing the peer
 * attached (getters, extra keys, prototypes) survives into dispatch.
 */
export function checkPortMessage(data: unknown): PortMessage | null {
  if (!isRecord(data)) return null;
  const type = own(data, 'type');
  const id = own(data, 'id');
  switch (type) {
    case 'call': {
      const module = own(data, 'module');
      const method = own(data, 'method');
      const args = own(data, 'args');
      if (!isId(id) || id === 0 || !isName(module) || !isName(method) || !isArgs(args)) return null;
      return { type, id, module, method, args };
    }
    case 'result':
      return isId(id) ? { type, id, value: own(data, 'value') } : null;
    case 'error': {
      const error = checkWireError(own(data, 'error'));
      return isId(id) && error ? { type, id, error } : null;
    }
    case 'event': {
      const name = own(data, 'name');
      const args = own(data, 'args');
      return isEventName(name) && isArgs(args) ? { type, name, args } : null;
    }
    case 'cancel':
      return isId(id) ? { type, id } : null;
    case 'refusal': {
      const error = checkWireError(data);
      return error ? { type, code: error.code, message: error.message } : null;
    }
    case 'welcome': {
      const session = own(data, 'session');
      const version = own(data, 'version');
      const modules = checkModules(own(data, 'modules'));
      const options = own(data, 'options');
      if (typeof session !== 'string' || !isId(version) || !modules) return null;
      return { type, session, version, modules, options: plainCopy(options) };
    }
    default:
      return null;
  }
}
