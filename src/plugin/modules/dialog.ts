import {
  DIALOG_MODULE,
  DialogEvent,
  DialogMethod,
  type ButtonChange,
  type ButtonEventData,
  type DialogButtonSpec,
  type DialogContract,
  type DialogOptions,
} from '../../shared/contracts/dialog.js';
import { addTo, quiet, subscriber, withCallback, type PluginBridge } from '../bridge.js';
import type { Args } from '../../shared/contracts/types.js';
import { handleId } from './ids.js';
import { viewKind } from '../../shared/viewOptions.js';

/** A chrome button of the dialog this iframe is in (Connect's DialogButton). */
export interface DialogButton {
  /** Makes the button clickable again. */
  enable(): Promise<void>;
  /** A disabled button cannot be clicked and emits no events. */
  disable(): Promise<void>;
  /** Enables a disabled button, disables an enabled one. */
  toggle(): Promise<void>;
  /** Removes the button from the footer until `show()`. */
  hide(): Promise<void>;
  /** Shows a hidden button. */
  show(): Promise<void>;
  /** Whether the button is enabled, by callback and Promise. */
  isEnabled(callback?: (enabled: boolean) => void): Promise<boolean>;
  /** Whether the button is hidden, by callback and Promise. */
  isHidden(callback?: (hidden: boolean) => void): Promise<boolean>;
  /** Acts as a click (when enabled): the same events, and submit/cancel close as usual. */
  trigger(): Promise<void>;
  /** Calls `callback` whenever this button is clicked. */
  bind(callback: (data: ButtonEventData) => void): void;
}

/** What `AP.dialog.create` returns to the opener. */
export interface Dialog {
  /** `'close'`: called with the data the dialog passed to `AP.dialog.close(data)`. */
  on(name: string, callback: (data: never) => void): void;
  /** Settles when the host opened the dialog; rejects (e.g. NOT_ALLOWED for a foreign key). */
  readonly opened: Promise<void>;
}

/** `AP.dialog`. */
export interface DialogFacade {
  /**
   * Opens one of this app's dialog modules.
   * @example
   * ```js
   * AP.dialog.create({ key: 'confirm', size: 'small', header: 'Delete?', submitText: 'Delete' })
   *   .on('close', (data) => { if (data && data.confirmed) remove(); });
   * ```
   */
  create(options: DialogOptions): Dialog;
  /** Closes this dialog (from inside it) or this app's top dialog; `data` goes to the opener only. */
  close(data?: unknown): Promise<boolean>;
  /** Inside a dialog: the `customData` its opener passed to `create`. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Connect types the custom data loosely; apps index into it
  getCustomData(callback?: (customData: any) => void): Promise<unknown>;
  /** `'submit'`, `'cancel'` or a custom button's identifier. */
  getButton(identifier: string): DialogButton;
  /** Adds a custom button to this dialog's footer. */
  createButton(options?: DialogButtonSpec): DialogButton;
  /** The submit button stops closing this dialog: the app closes it with `AP.dialog.close()`. */
  disableCloseOnSubmit(): Promise<void>;
  /** Whether Escape closes this dialog (the opener's `closeOnEscape`). */
  isCloseOnEscape(callback?: (enabled: boolean) => void): Promise<boolean>;
  /** True inside an iframe the host opened as a dialog. */
  readonly isDialog: boolean;
}

const FOCUS_WAIT_MS = 1000;

/**
 * Puts focus back on `element` after the opener's dialog closed, unless the user has focused
 * something else. The host hands focus to this iframe at the same moment the close event is sent, so
 * the frame may not have it yet: then this waits (briefly) for the window to gain focus.
 */
function restoreFocus(win: Window | undefined, element: Element | null | undefined): void {
  const doc = win?.document;
  if (!win || !doc || !element || element === doc.body || !element.isConnected) return;
  const restore = (): void => {
    const now = doc.activeElement;
    if (now === null || now === doc.body) (element as HTMLElement).focus?.();
  };
  if (typeof doc.hasFocus !== 'function' || doc.hasFocus()) {
    restore();
    return;
  }
  const onFocus = (): void => {
    clearTimeout(timer);
    restore();
  };
  const timer = setTimeout(() => win.removeEventListener('focus', onFocus), FOCUS_WAIT_MS);
  win.addEventListener('focus', onFocus, { once: true });
}

/**
 * Builds `AP.dialog`. Inside a dialog that closes on Escape, an Escape keydown the app did not
 * handle is forwarded to the host, since the host page never sees keys typed in the iframe.
 */
export function createDialog(bridge: PluginBridge): DialogFacade {
  // Listeners by the ref of a dialog this page opened, and by button identifier.
  const closeListeners = new Map<string, ((data: unknown) => void)[]>();
  const clickListeners = new Map<string, ((data: ButtonEventData) => void)[]>();

  const call = <K extends keyof DialogContract & string>(method: K, args: Args<DialogContract, K>) =>
    bridge.call(DIALOG_MODULE, method, args);
  const done = (promise: Promise<unknown>): Promise<void> => promise.then(() => undefined);

  const subscribe = subscriber(bridge, (name, args) => {
    if (name === DialogEvent.close && typeof args[1] === 'string') {
      for (const listener of closeListeners.get(args[1]) ?? []) listener(args[0]);
      closeListeners.delete(args[1]);
    } else if (name === DialogEvent.buttonClick) {
      const data = args[0] as ButtonEventData | undefined;
      const id = data?.button?.identifier;
      if (typeof id === 'string') for (const listener of clickListeners.get(id) ?? []) listener(data as ButtonEventData);
    }
  });

  bridge.onStart(() => {
    const win = bridge.window;
    const kind = viewKind(bridge.options());
    if (!win || !kind.isDialog || !kind.closeOnEscape) return;
    win.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !event.defaultPrevented) void call(DialogMethod.escape, []).catch(() => {});
    });
  });

  function button(identifier: string): DialogButton {
    const change = (what: ButtonChange) => (): Promise<void> => done(call(DialogMethod.updateButton, [identifier, what]));
    const state = (key: 'enabled' | 'hidden') => (callback?: (value: boolean) => void) =>
      withCallback(call(DialogMethod.getButton, [identifier]).then((s) => s[key]), callback);
    return {
      enable: change('enable'),
      disable: change('disable'),
      toggle: change('toggle'),
      hide: change('hide'),
      show: change('show'),
      isEnabled: state('enabled'),
      isHidden: state('hidden'),
      trigger: () => done(call(DialogMethod.triggerButton, [identifier])),
      bind(callback) {
        subscribe();
        addTo(clickListeners, identifier, callback);
      },
    };
  }

  return {
    create(options) {
      subscribe();
      const ref = handleId('d');
      const opened = quiet('dialog.create', done(call(DialogMethod.create, [options, ref])));
      // The host gives focus back to this iframe when the dialog closes; the element inside it that
      // had focus (say the button that opened the dialog) is ours to restore.
      const win = bridge.window;
      const before = win?.document.activeElement;
      closeListeners.set(ref, [() => restoreFocus(win, before)]);
      return {
        opened,
        on(name, callback) {
          if (name === 'close') addTo(closeListeners, ref, callback as (data: unknown) => void);
        },
      };
    },
    close: (data) => quiet('dialog.close', call(DialogMethod.close, data === undefined ? [] : [data])),
    getCustomData: (callback) => withCallback(call(DialogMethod.getCustomData, []), callback),
    getButton: button,
    createButton(options) {
      quiet('dialog.createButton', call(DialogMethod.createButton, [options]));
      return button(typeof options?.identifier === 'string' ? options.identifier : '');
    },
    disableCloseOnSubmit: () => done(call(DialogMethod.disableCloseOnSubmit, [])),
    isCloseOnEscape: (callback) => withCallback(call(DialogMethod.isCloseOnEscape, []), callback),
    get isDialog() {
      return viewKind(bridge.options()).isDialog;
    },
  };
}
