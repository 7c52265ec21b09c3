/**
 * Contract of the `events` module. Private events go to every iframe of the emitting app; public
 * events to every iframe on the page. On the wire a public event's name carries PUBLIC_PREFIX, and
 * both kinds carry an {@link EventInfo} as their last argument, written by the host.
 */

import type { MethodNames } from './types.js';

export const EVENTS_MODULE = 'events';

export const EventsMethod = {
  emit: 'emit',
  emitPublic: 'emitPublic',
} as const satisfies MethodNames<EventsContract>;

/** The events module on the wire: the event name, then its arguments. */
export interface EventsContract {
  emit(name: string, ...args: unknown[]): void;
  emitPublic(name: string, ...args: unknown[]): void;
}

/** Marks a public event on the wire; app event names may not start with it. */
export const PUBLIC_PREFIX = 'public:';

/** Longest event name an app may emit. */
export const MAX_EVENT_NAME = 100;

/** Who emitted an event: identity from the host's session, nothing secret. */
export interface EventSender {
  addonKey: string;
  key: string;
}

/** Appended by the host as the last argument of every app-emitted event. */
export interface EventInfo {
  sender: EventSender;
}
