import { DropReason, checkHello, isBridgeEnvelope } from '../shared/guards.js';
import { PROTOCOL_VERSION } from '../shared/protocol.js';

/** What the handshake needs to know about a view it may accept a hello for. */
export interface HandshakeTarget {
  /** The window of the iframe the host created for this channel (null once removed). */
  readonly window: Window | null;
  /** The app's registered origin, exactly. */
  readonly origin: string;
}

export type HelloOutcome<T> =
  | { accepted: true; target: T; port: MessagePort }
  | { accepted: false; reason: DropReason; target?: T; port?: MessagePort }
  /** Not bridge traffic at all: the product page's own messages, left alone and not counted. */
  | { accepted: false; reason: null };

// One shared answer for the common case, other traffic on the product window: dropping a foreign
// message allocates nothing (a flood of them must cost the host as little as an empty listener).
const NOT_OURS = Object.freeze({ accepted: false, reason: null } as const);

/**
 * Decides whether a message posted to the host window is a hello from one of our iframes.
 *
 *  1. The data must be a well-formed hello (marker, type, channel id, version).
 *  2. The channel must belong to a live view this host created; a channel that is none of ours is
 *     looked up by the sender instead (`lookup` gets the view whose iframe posted it, if any): a
 *     page whose window.name was not ours (the app's own script set it) sends Connect's `xdm_c`.
 *  3. `event.source` must be exactly that view's iframe window: not a nested frame, a popup, or a
 *     sibling, which could all post with the app's origin.
 *  4. `event.origin` must equal the app's registered origin exactly: scheme, host and port; an opaque
 *     'null' origin never matches because registered origins are http(s).
 *  5. Exactly one MessagePort must come with it: the private channel for the session.
 *  6. The protocol version must be one this host speaks.
 *
 * Ports of refused hellos are handed back so the caller closes them without ever starting them.
 */
export function checkHelloEvent<T extends HandshakeTarget>(
  event: MessageEvent,
  lookup: (channel: string) => T | undefined,
): HelloOutcome<T> {
  if (!isBridgeEnvelope(event.data)) return NOT_OURS;
  const port = event.ports.length === 1 ? event.ports[0] : undefined;
  const hello = checkHello(event.data);
  if (!hello.ok) return { accepted: false, reason: hello.reason, port };
  const target = lookup(hello.value.channel);
  if (!target) return { accepted: false, reason: DropReason.UNKNOWN_CHANNEL, port };
  if (target.window === null || event.source !== target.window) {
    return { accepted: false, reason: DropReason.WRONG_SOURCE, target, port };
  }
  if (event.origin !== target.origin) {
    return { accepted: false, reason: DropReason.WRONG_ORIGIN, target, port };
  }
  if (!port) return { accepted: false, reason: DropReason.NO_PORT, target };
  if (hello.value.version !== PROTOCOL_VERSION) {
    return { accepted: false, reason: DropReason.PROTOCOL_MISMATCH, target, port };
  }
  return { accepted: true, target, port };
}
