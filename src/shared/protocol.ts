/*
 * apbridge wire protocol, version 1.
 *
 * Two windows: the HOST (product page) and the PLUGIN (the app's page inside an iframe the host made).
 *
 * 0. The host creates the iframe with `name` = JSON
 *      { "apb": 1, "host": "<host origin>", "channel": "<128-bit random hex>", "options": {...},
 *        "modules": { [module]: method[] } }
 *    (`modules` is the welcome's list, early: every `AP.<module>` exists, and its first call leaves,
 *    before the welcome arrives.)
 *    (When window.name is not ours the plugin falls back to the Connect query parameters
 *    `xdm_e` = host origin and `xdm_c` = channel; a channel the host does not know is taken as the
 *    view whose iframe posted the hello, so the checks of step 2 are the same.)
 * 1. The plugin creates a MessageChannel and posts, to window.parent with targetOrigin = host origin
 *    (never '*'), transferring exactly one port:
 *      Hello   { apb: 1, type: "hello", channel, version }
 *    It may send calls on its end of the channel at once ("0-RTT"): they wait in the port until the
 *    host starts it.
 * 2. The host accepts the hello only if event.source is the contentWindow of the iframe it created for
 *    `channel` AND event.origin is exactly the app's registered origin AND one port came with it.
 *    Otherwise the port is closed unstarted and the drop is reported with a DropReason.
 *    A second accepted hello for the same iframe ends the previous session (CONNECTION_RESET).
 * 3. The host's first message on the port:
 *      Welcome { type: "welcome", session, version, modules: { [module]: method[] }, options }
 *    A host that refuses the hello but can still answer (a `version` it does not speak) sends instead
 *      Refusal { type: "refusal", code: "PROTOCOL_MISMATCH", message }
 *    on the port it never starts, and closes it.
 * 4. Everything after that travels on the port, in both directions, by structured clone
 *    (ArrayBuffers in the top two levels of a value are transferred, not copied; payload.ts):
 *      Call    { type: "call",   id, module, method, args: unknown[] }
 *      Result  { type: "result", id, value }
 *      Error   { type: "error",  id, error: { code, message, data? } }
 *      Event   { type: "event",  name, args: unknown[] }
 *      Cancel  { type: "cancel", id }
 *    `id` is a positive integer chosen by the caller, unique among its pending calls.
 * 5. Every call settles exactly once: result, error, timeout, cancel, reset, or destroy.
 */

/** The protocol version spoken by this build. */
export const PROTOCOL_VERSION = 1;

/** Marker present on every message posted through `window.postMessage` (the hello only). */
export const MARKER = 'apb';

/** Upper bounds enforced by the guards; they keep a hostile peer from making us allocate. */
export const LIMITS = {
  nameLength: 64,
  eventNameLength: 128,
  channelLength: 256,
  args: 32,
  messageLength: 2048,
} as const;

/** Contents of the iframe's `window.name`, written by the host. */
export interface WindowName {
  apb: 1;
  host: string;
  channel: string;
  options: Record<string, unknown>;
  /** The host's modules and their methods, as in the welcome (`{}` from an older host). */
  modules: Record<string, string[]>;
}

export interface Hello {
  apb: 1;
  type: 'hello';
  channel: string;
  version: number;
}

/**
 * The host's first message on the port: the session id, the protocol version, the host's modules and
 * their methods (the plugin builds `AP.<module>` stubs from it), and options for this iframe.
 */
export interface Welcome {
  type: 'welcome';
  session: string;
  version: number;
  modules: Record<string, string[]>;
  options: Record<string, unknown>;
}

export interface Call {
  type: 'call';
  id: number;
  module: string;
  method: string;
  args: unknown[];
}

export interface Result {
  type: 'result';
  id: number;
  value: unknown;
}

export interface ErrorMessage {
  type: 'error';
  id: number;
  error: { code: string; message: string; data?: unknown };
}

export interface EventMessage {
  type: 'event';
  name: string;
  args: unknown[];
}

export interface Cancel {
  type: 'cancel';
  id: number;
}

/** The host's answer to a hello it refuses, in place of the welcome; the port is closed after it. */
export interface Refusal {
  type: 'refusal';
  code: string;
  message: string;
}

/** Anything that may arrive on a port. */
export type PortMessage = Welcome | Refusal | Call | Result | ErrorMessage | EventMessage | Cancel;
