import type { EventsContract } from '../../shared/contracts/events.js';
import { EVENTS_MODULE, MAX_EVENT_NAME, PUBLIC_PREFIX, type EventInfo } from '../../shared/contracts/events.js';
import { BridgeError, ErrorCode } from '../../shared/errors.js';
import { measure } from '../../shared/payload.js';
import { LIMITS } from '../../shared/protocol.js';
import type { CallContext, ContractModule } from '../types.js';

function checkName(name: unknown): string {
  if (typeof name !== 'string' || name.length === 0 || name.length > MAX_EVENT_NAME) {
    throw new BridgeError(ErrorCode.INVALID_ARGUMENT, `An event name is a string of 1 to ${MAX_EVENT_NAME} characters`);
  }
  // The prefix marks public events on the wire; a private event must not pass for one.
  if (name.startsWith(PUBLIC_PREFIX)) {
    throw new BridgeError(ErrorCode.INVALID_ARGUMENT, `Event names may not start with "${PUBLIC_PREFIX}"`);
  }
  return name;
}

/**
 * An event is copied to every iframe it reaches, so its arguments get a far smaller cap than a call's:
 * otherwise one `emitPublic` of 16 MiB would cost the page 16 MiB per iframe.
 */
export const MAX_EVENT_BYTES = 256 * 1024;

function checkArgs(args: unknown[]): unknown[] {
  // One slot is kept for the EventInfo the host appends.
  if (args.length >= LIMITS.args) throw new BridgeError(ErrorCode.INVALID_ARGUMENT, 'Too many event arguments');
  if (measure(args, MAX_EVENT_BYTES) > MAX_EVENT_BYTES) {
    throw new BridgeError(ErrorCode.PAYLOAD_TOO_LARGE, `Event arguments are limited to ${MAX_EVENT_BYTES} bytes`);
  }
  return args;
}

function info(ctx: CallContext): EventInfo {
  return { sender: { addonKey: ctx.app.key, key: ctx.moduleKey } };
}

/**
 * The `events` module: `AP.events.emit` reaches every iframe of the emitting app (itself included),
 * `AP.events.emitPublic` every iframe on the page. The host appends the sender, from the session, as
 * the last argument. Views not yet connected get the event when they connect (bounded, expiring).
 *
 * @example
 * ```ts
 * const host = createHostCore({ modules: [eventsModule()] });
 * ```
 */
export function eventsModule(): ContractModule<EventsContract> {
  return {
    name: EVENTS_MODULE,
    methods: {
      // Nothing is returned: how many iframes a public event reached would tell an app about others.
      emit(ctx: CallContext, name: unknown, ...args: unknown[]): void {
        ctx.host.emit(checkName(name), { appKey: ctx.app.key }, ...checkArgs(args), info(ctx));
      },
      emitPublic(ctx: CallContext, name: unknown, ...args: unknown[]): void {
        ctx.host.emit(PUBLIC_PREFIX + checkName(name), undefined, ...checkArgs(args), info(ctx));
      },
    },
  };
}
