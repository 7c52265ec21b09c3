import type { FlagContract } from '../../shared/contracts/flag.js';
import {
  AUTO_CLOSE_MS,
  FLAG_MODULE,
  FLAG_TYPES,
  FlagEvent,
  MAX_FLAGS_PER_APP,
  MAX_FLAG_ACTIONS,
  type FlagEventData,
  type FlagType,
} from '../../shared/contracts/flag.js';
import type { CallContext, ContractModule, Host, HostOptions } from '../types.js';
import type { UiLayer } from '../ui/layer.js';
import { showNotice } from '../ui/notices.js';
import { attachNotices, createNoticeStore, type OpenNotice } from './noticeStore.js';
import { field, identifier, invalid, isRecord, optionalText } from './uiArgs.js';

function flagType(value: unknown): FlagType {
  if (value === undefined || value === null) return 'info';
  if (!(FLAG_TYPES as readonly unknown[]).includes(value)) throw invalid(`type must be one of ${FLAG_TYPES.join(', ')}`);
  return value as FlagType;
}

function actions(value: unknown): [string, string][] {
  if (value === undefined || value === null) return [];
  if (!isRecord(value)) throw invalid('actions must be { actionIdentifier: "Link text" }');
  // Count first: an app's oversized object is refused before any of it is checked.
  const ids = Object.keys(value);
  if (ids.length > MAX_FLAG_ACTIONS) throw invalid(`At most ${MAX_FLAG_ACTIONS} actions`);
  return ids.map((id): [string, string] => [
    identifier(id, 'action identifier'),
    optionalText(value[id], 'action text', 60) ?? id,
  ]);
}

/**
 * The `flag` module: `AP.flag.create(...)`. Flags show in the host's notification region with the
 * sending app's name; `flag.close` and `flag.action` go to the creating iframe only. At most
 * `MAX_FLAGS_PER_APP` (5) open per app: a newer one closes the app's oldest
 * (which gets its close event, as if the user had closed it).
 *
 * @example
 * ```ts
 * const host = createHostCore({ modules: [flagModule()] });
 * ```
 */
export function flagModule(options: HostOptions = {}): ContractModule<FlagContract> {
  const store = createNoticeStore('flag', MAX_FLAGS_PER_APP);
  let layer: UiLayer | undefined;

  function close(notice: OpenNotice): boolean {
    if (!store.remove(notice)) return false;
    const data: FlagEventData = { flagIdentifier: notice.id };
    notice.view.emit(FlagEvent.close, data);
    return true;
  }

  return {
    name: FLAG_MODULE,
    methods: {
      create(ctx: CallContext, id: unknown, raw: unknown): void {
        if (!isRecord(raw)) throw invalid('flag.create takes an options object');
        const type = flagType(field(raw, 'type'));
        const title = optionalText(field(raw, 'title'), 'title', 200) ?? '';
        const body = optionalText(field(raw, 'body'), 'body', 1000) ?? '';
        const closing = field(raw, 'close') ?? 'manual';
        if (closing !== 'manual' && closing !== 'auto') throw invalid('close must be "manual" or "auto"');
        const links = actions(field(raw, 'actions'));
        if (!layer) throw invalid('The flag module is not attached to a host');
        const notice = store.add(ctx.view, id, close);
        notice.ui = showNotice(layer, {
          kind: 'flag',
          type,
          appName: layer.appLabel(ctx.view),
          title,
          body,
          closeable: true,
          actions: links,
          autoCloseMs: closing === 'auto' ? AUTO_CLOSE_MS : undefined,
          onAction: (actionIdentifier) => {
            const data: FlagEventData = { flagIdentifier: notice.id, actionIdentifier };
            notice.view.emit(FlagEvent.action, data);
          },
          onDismiss: () => close(notice),
        });
      },
      close(ctx: CallContext, id: unknown): boolean {
        const notice = store.get(ctx.view, id);
        return notice ? close(notice) : false;
      },
    },
    attach(host: Host) {
      return attachNotices(host, options, store, (next) => (layer = next));
    },
  };
}
