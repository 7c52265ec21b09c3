import type { MessagesContract } from '../../shared/contracts/messages.js';
import {
  DEFAULT_MESSAGE_DELAY,
  MAX_MESSAGES_PER_APP,
  MESSAGES_MODULE,
  MESSAGE_TYPES,
  MessagesEvent,
  type MessageType,
} from '../../shared/contracts/messages.js';
import type { CallContext, ContractModule, Host, HostOptions } from '../types.js';
import type { UiLayer } from '../ui/layer.js';
import { showNotice } from '../ui/notices.js';
import { attachNotices, createNoticeStore, type OpenNotice } from './noticeStore.js';
import { field, invalid, isRecord, optionalBoolean, optionalText } from './uiArgs.js';

function delay(value: unknown): number {
  if (value === undefined || value === null) return DEFAULT_MESSAGE_DELAY;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw invalid('delay must be a number of milliseconds');
  return Math.min(Math.max(value, 1000), 60_000);
}

/**
 * The `messages` module: Connect's `AP.messages.info/success/warning/error/generic/hint`. Shown in
 * the same region as flags; `messages.close` goes to the creating iframe only. At most
 * `MAX_MESSAGES_PER_APP` (5) open per app: a newer one closes the app's oldest
 * (which gets its close event, as if the user had closed it).
 *
 * @example
 * ```ts
 * const host = createHostCore({ modules: [messagesModule()] });
 * ```
 */
export function messagesModule(options: HostOptions = {}): ContractModule<MessagesContract> {
  const store = createNoticeStore('message', MAX_MESSAGES_PER_APP);
  let layer: UiLayer | undefined;

  function close(notice: OpenNotice): boolean {
    if (!store.remove(notice)) return false;
    notice.view.emit(MessagesEvent.close, notice.id);
    return true;
  }

  return {
    name: MESSAGES_MODULE,
    methods: {
      show(ctx: CallContext, id: unknown, type: unknown, title: unknown, body: unknown, raw?: unknown): void {
        if (!(MESSAGE_TYPES as readonly unknown[]).includes(type)) {
          throw invalid(`type must be one of ${MESSAGE_TYPES.join(', ')}`);
        }
        const opts = raw === undefined || raw === null ? {} : raw;
        if (!isRecord(opts)) throw invalid('options must be an object');
        const closeable = optionalBoolean(field(opts, 'closeable'), 'closeable', true);
        const fadeout = optionalBoolean(field(opts, 'fadeout'), 'fadeout', false);
        const wait = delay(field(opts, 'delay'));
        const heading = optionalText(title, 'title', 200) ?? '';
        const text = optionalText(body, 'body', 1000) ?? '';
        if (!layer) throw invalid('The messages module is not attached to a host');
        const notice = store.add(ctx.view, id, close);
        notice.ui = showNotice(layer, {
          kind: 'message',
          type: type as MessageType,
          appName: layer.appLabel(ctx.view),
          title: heading,
          body: text,
          closeable,
          actions: [],
          autoCloseMs: fadeout ? wait : undefined,
          onAction: () => {},
          onDismiss: () => close(notice),
        });
      },
      clear(ctx: CallContext, id: unknown): boolean {
        const notice = store.get(ctx.view, id);
        return notice ? close(notice) : false;
      },
    },
    attach(host: Host) {
      return attachNotices(host, options, store, (next) => (layer = next));
    },
  };
}
