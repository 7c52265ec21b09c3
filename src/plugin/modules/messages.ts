import {
  MESSAGES_MODULE,
  MessagesEvent,
  MessagesMethod,
  type MessageHandle,
  type MessageOptions,
  type MessageType,
} from '../../shared/contracts/messages.js';
import { addTo, quiet, subscriber, type PluginBridge } from '../bridge.js';
import { handleId } from './ids.js';

type Show = (title: string, body: string, options?: MessageOptions) => MessageHandle;

/** `AP.messages`: Connect's older notifications, shown by the host next to flags. */
export interface MessagesFacade {
  info: Show;
  success: Show;
  warning: Show;
  error: Show;
  generic: Show;
  hint: Show;
  /** Closes a message; resolves false when it was already closed. */
  clear(message: MessageHandle | string): Promise<boolean>;
  /** Calls `callback` once the message closes (by the user, `fadeout`, or `clear`). */
  onClose(message: MessageHandle | string, callback: (message: MessageHandle) => void): void;
}

/**
 * Builds `AP.messages`.
 *
 * @example
 * ```js
 * const message = AP.messages.success('Saved', 'Your settings were saved.', { fadeout: true, delay: 3000 });
 * AP.messages.onClose(message, () => console.log('gone'));
 * ```
 */
export function createMessages(bridge: PluginBridge): MessagesFacade {
  const closeListeners = new Map<string, ((message: MessageHandle) => void)[]>();
  const subscribe = subscriber(bridge, (name, args) => {
    const id = args[0];
    if (name === MessagesEvent.close && typeof id === 'string') closed(id);
  });

  function closed(id: string): void {
    const listeners = closeListeners.get(id) ?? [];
    closeListeners.delete(id);
    for (const listener of listeners) listener({ _id: id });
  }

  const show = (type: MessageType): Show => (title, body, options) => {
    subscribe();
    const id = handleId('m');
    // onClose listeners are added after this returns: a refusal is delivered a task later, as the host's would be.
    quiet(`messages.${type}`, bridge.call(MESSAGES_MODULE, MessagesMethod.show, options === undefined ? [id, type, title, body] : [id, type, title, body, options]), () =>
      setTimeout(closed, 0, id),
    );
    return Object.freeze({ _id: id });
  };
  const idOf = (message: MessageHandle | string): string => (typeof message === 'string' ? message : message?._id);

  return {
    info: show('info'),
    success: show('success'),
    warning: show('warning'),
    error: show('error'),
    generic: show('generic'),
    hint: show('hint'),
    clear: (message) => quiet('messages.clear', bridge.call(MESSAGES_MODULE, MessagesMethod.clear, [idOf(message)])),
    onClose(message, callback) {
      subscribe();
      addTo(closeListeners, idOf(message), callback);
    },
  };
}
