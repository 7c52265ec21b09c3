import { EVENTS_MODULE, EventsMethod, PUBLIC_PREFIX, type EventSender, type EventsContract } from '../../shared/contracts/events.js';
import { quiet, subscriber, type PluginBridge } from '../bridge.js';
import { safely } from '../connect.js';

/**
 * A listener: called with the event's arguments, the last of which is `{ sender }` for events apps
 * emit. Typed loosely on purpose so Connect code such as `(data: object) => {}` fits.
 */
export type EventListener = (...args: never[]) => void;
/** An `onAny` listener: the event name first, then the arguments. */
export type AnyEventListener = (name: string, ...args: never[]) => void;
/** Selects public events by their sender: a predicate, or fields that must all be equal. */
export type EventFilter = ((sender: EventSender) => boolean) | Partial<EventSender>;

/** `AP.events`. */
export interface EventsFacade {
  /** Listens to `name` among this app's own events (sent by its iframes or by the host). */
  on(name: string, listener: EventListener): void;
  /** Like `on`, for the next event only. */
  once(name: string, listener: EventListener): void;
  /** Removes a listener added with `on` or `once`. */
  off(name: string, listener: EventListener): void;
  /** Removes every listener of `name`, or of every name when called without one. */
  offAll(name?: string): void;
  /** Listens to every event of this app; the listener gets the name first. */
  onAny(listener: AnyEventListener): void;
  /** Removes a listener added with `onAny`. */
  offAny(listener: AnyEventListener): void;
  /** Sends an event to every iframe of this app (this one included); resolves once the host took it. */
  emit(name: string, ...args: unknown[]): Promise<void>;
  /** Listens to `name` among public events (from any app on the page), optionally by sender. */
  onPublic(name: string, listener: EventListener, filter?: EventFilter): void;
  /** Like `onPublic`, for the next matching event only. */
  oncePublic(name: string, listener: EventListener, filter?: EventFilter): void;
  /** Removes a listener added with `onPublic` or `oncePublic`. */
  offPublic(name: string, listener: EventListener): void;
  /** Removes every public listener of `name`, or of every name when called without one. */
  offAllPublic(name?: string): void;
  /** Listens to every public event; the listener gets the name first. */
  onAnyPublic(listener: AnyEventListener, filter?: EventFilter): void;
  /** Removes a listener added with `onAnyPublic`. */
  offAnyPublic(listener: AnyEventListener): void;
  /** Sends an event to every app iframe on the page; the host adds who sent it. */
  emitPublic(name: string, ...args: unknown[]): Promise<void>;
}

type Invoke = (...args: unknown[]) => void;

/** One listener: of a named event or of every event (`any`), among this app's or public events. */
interface Entry {
  pub: boolean;
  any: boolean;
  name: string | undefined;
  listener: EventListener | AnyEventListener;
  once: boolean;
  filter: EventFilter | undefined;
}

function senderOf(args: readonly unknown[]): EventSender | undefined {
  const last = args[args.length - 1];
  if (typeof last !== 'object' || last === null) return undefined;
  const sender = (last as { sender?: unknown }).sender;
  return typeof sender === 'object' && sender !== null ? (sender as EventSender) : undefined;
}

function passes(filter: EventFilter | undefined, sender: EventSender | undefined): boolean {
  if (filter === undefined || filter === null) return true;
  if (typeof filter === 'function') return filter(sender ?? { addonKey: '', key: '' }) === true;
  if (!sender) return false;
  return Object.entries(filter).every(([key, value]) => (sender as unknown as Record<string, unknown>)[key] === value);
}

/**
 * Builds `AP.events`. Listening connects on first use; events the host sends before any listener
 * exists are not replayed.
 *
 * @example
 * ```js
 * AP.events.on('issue-saved', (issue, { sender }) => refresh(issue));
 * AP.events.emit('issue-saved', { key: 'DEMO-1' });
 * AP.events.onPublic('theme-changed', (theme) => apply(theme), { addonKey: 'theme-app' });
 * ```
 */
export function createEvents(bridge: PluginBridge): EventsFacade {
  // In the order they were added; a named event reaches its own listeners first, then the `any` ones.
  const entries: Entry[] = [];

  function drop(entry: Entry): void {
    const at = entries.indexOf(entry);
    if (at >= 0) entries.splice(at, 1);
  }

  function dispatch(wireName: string, args: unknown[]): void {
    const pub = wireName.startsWith(PUBLIC_PREFIX);
    const name = pub ? wireName.slice(PUBLIC_PREFIX.length) : wireName;
    const sender = senderOf(args);
    // Snapshots: a listener may add or remove listeners while the event is delivered.
    for (const entry of entries.filter((e) => e.pub === pub && !e.any && e.name === name)) {
      if (!passes(entry.filter, sender)) continue;
      if (entry.once) drop(entry);
      safely(entry.listener as Invoke, ...args);
    }
    for (const entry of entries.filter((e) => e.pub === pub && e.any)) {
      if (passes(entry.filter, sender)) safely(entry.listener as Invoke, name, ...args);
    }
  }

  const listen = subscriber(bridge, dispatch);

  function add(pub: boolean, any: boolean, name: string | undefined, listener: Entry['listener'], once: boolean, filter?: EventFilter): void {
    listen();
    entries.push({ pub, any, name, listener, once, filter });
  }

  /** Removes the first listener added for `name` (or for every event, `any`) on that side. */
  function off(pub: boolean, any: boolean, name: string | undefined, listener: unknown): void {
    const entry = entries.find((e) => e.pub === pub && e.any === any && e.name === name && e.listener === listener);
    if (entry) drop(entry);
  }

  function offAll(pub: boolean, name?: string): void {
    for (const entry of entries.filter((e) => e.pub === pub && !e.any && (name === undefined || e.name === name))) drop(entry);
  }

  function send(method: keyof EventsContract, name: string, args: unknown[]): Promise<void> {
    return quiet(`events.${method}`, bridge.call(EVENTS_MODULE, method, [name, ...args]));
  }

  return {
    on: (name, listener) => add(false, false, name, listener, false),
    once: (name, listener) => add(false, false, name, listener, true),
    off: (name, listener) => off(false, false, name, listener),
    offAll: (name) => offAll(false, name),
    onAny: (listener) => add(false, true, undefined, listener, false),
    offAny: (listener) => off(false, true, undefined, listener),
    emit: (name, ...args) => send(EventsMethod.emit, name, args),
    onPublic: (name, listener, filter) => add(true, false, name, listener, false, filter),
    oncePublic: (name, listener, filter) => add(true, false, name, listener, true, filter),
    offPublic: (name, listener) => off(true, false, name, listener),
    offAllPublic: (name) => offAll(true, name),
    onAnyPublic: (listener, filter) => add(true, true, undefined, listener, false, filter),
    offAnyPublic: (listener) => off(true, true, undefined, listener),
    emitPublic: (name, ...args) => send(EventsMethod.emitPublic, name, args),
  };
}
