import { EVENTS_MODULE, EventsMethod, PUBLIC_PREFIX, type EventSender, type EventsContract } from '../../shared/contracts/events.js';
import { quiet, type PluginBridge } from '../bridge.js';

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

interface Entry {
  listener: EventListener | AnyEventListener;
  once: boolean;
  filter: EventFilter | undefined;
}

interface Bus {
  named: Map<string, Entry[]>;
  any: Entry[];
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

function call(entry: Entry, args: unknown[]): void {
  try {
    (entry.listener as Invoke)(...args);
  } catch (error) {
    // One failing listener must not keep the others from the event.
    setTimeout(() => {
      throw error;
    });
  }
}

function remove(list: Entry[], listener: unknown): void {
  const at = list.findIndex((entry) => entry.listener === listener);
  if (at >= 0) list.splice(at, 1);
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
  const buses: Record<'private' | 'public', Bus> = {
    private: { named: new Map(), any: [] },
    public: { named: new Map(), any: [] },
  };
  let listening = false;

  function dispatch(wireName: string, args: unknown[]): void {
    const isPublic = wireName.startsWith(PUBLIC_PREFIX);
    const bus = buses[isPublic ? 'public' : 'private'];
    const name = isPublic ? wireName.slice(PUBLIC_PREFIX.length) : wireName;
    const sender = senderOf(args);
    const named = bus.named.get(name);
    if (named) {
      for (const entry of [...named]) {
        if (!passes(entry.filter, sender)) continue;
        if (entry.once) named.splice(named.indexOf(entry), 1);
        call(entry, args);
      }
    }
    for (const entry of [...bus.any]) {
      if (passes(entry.filter, sender)) call(entry, [name, ...args]);
    }
  }

  function add(bus: Bus, name: string, entry: Entry): void {
    if (!listening) {
      listening = true;
      bridge.onEvent(dispatch);
    }
    const list = bus.named.get(name) ?? [];
    list.push(entry);
    bus.named.set(name, list);
  }

  function addAny(bus: Bus, entry: Entry): void {
    if (!listening) {
      listening = true;
      bridge.onEvent(dispatch);
    }
    bus.any.push(entry);
  }

  function offAll(bus: Bus, name?: string): void {
    if (name === undefined) bus.named.clear();
    else bus.named.delete(name);
  }

  function send(method: keyof EventsContract, name: string, args: unknown[]): Promise<void> {
    return quiet(`events.${method}`, bridge.call(EVENTS_MODULE, method, [name, ...args]));
  }

  const { private: priv, public: pub } = buses;
  return {
    on: (name, listener) => add(priv, name, { listener, once: false, filter: undefined }),
    once: (name, listener) => add(priv, name, { listener, once: true, filter: undefined }),
    off: (name, listener) => remove(priv.named.get(name) ?? [], listener),
    offAll: (name) => offAll(priv, name),
    onAny: (listener) => addAny(priv, { listener, once: false, filter: undefined }),
    offAny: (listener) => remove(priv.any, listener),
    emit: (name, ...args) => send(EventsMethod.emit, name, args),
    onPublic: (name, listener, filter) => add(pub, name, { listener, once: false, filter }),
    oncePublic: (name, listener, filter) => add(pub, name, { listener, once: true, filter }),
    offPublic: (name, listener) => remove(pub.named.get(name) ?? [], listener),
    offAllPublic: (name) => offAll(pub, name),
    onAnyPublic: (listener, filter) => addAny(pub, { listener, once: false, filter }),
    offAnyPublic: (listener) => remove(pub.any, listener),
    emitPublic: (name, ...args) => send(EventsMethod.emitPublic, name, args),
  };
}
