import { FLAG_MODULE, FlagEvent, FlagMethod, type FlagEventData, type FlagOptions } from '../../shared/contracts/flag.js';
import { quiet, type PluginBridge } from '../bridge.js';
import { handleId } from './ids.js';

/** What `AP.flag.create` returns. */
export interface Flag {
  /** The flag's identifier, as in the `flag.close` and `flag.action` events. */
  readonly _id: string;
  /** Closes the flag; resolves false when it was already closed. */
  close(): Promise<boolean>;
}

/** `AP.flag`. */
export interface FlagFacade {
  /**
   * Shows a flag. Its `flag.close` and `flag.action` events reach this iframe only.
   * @example
   * ```js
   * const flag = AP.flag.create({ title: 'Imported', body: '12 issues', type: 'success',
   *   actions: { undo: 'Undo' } });
   * AP.events.on('flag.action', (e) => { if (e.actionIdentifier === 'undo') undo(); flag.close(); });
   * ```
   */
  create(options: FlagOptions): Flag;
}

/** Builds `AP.flag`. */
export function createFlag(bridge: PluginBridge): FlagFacade {
  return {
    create(options) {
      const id = handleId('f');
      const closed: FlagEventData = { flagIdentifier: id };
      quiet('flag.create', bridge.call(FLAG_MODULE, FlagMethod.create, [id, options]), () =>
        bridge.deliver(FlagEvent.close, [closed]),
      );
      return Object.freeze({
        _id: id,
        close: () => bridge.call(FLAG_MODULE, FlagMethod.close, [id]),
      });
    },
  };
}
