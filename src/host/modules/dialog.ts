import type { DialogContract } from '../../shared/contracts/dialog.js';
import {
  BUTTON_CHANGES,
  DIALOG_MODULE,
  DialogEvent,
  MAX_OPEN_DIALOGS,
  type ButtonChange,
  type ButtonEventData,
  type ButtonState,
  type DialogViewOptions,
} from '../../shared/contracts/dialog.js';
import { BridgeError, ErrorCode } from '../../shared/errors.js';
import { viewKind } from '../../shared/viewOptions.js';
import type { CallContext, ContractModule, Host, HostOptions, View } from '../types.js';
import { openDialogUi, type DialogUi } from '../ui/dialog.js';
import { acquireLayer, type UiLayer } from '../ui/layer.js';
import { randomId } from '../view.js';
import { customButton, dialogSpec } from './dialogSpec.js';
import { unsupported } from './hooks.js';
import { identifier, invalid } from './uiArgs.js';

/** After the dialog closes: long enough for the answer to the closing call and the key that closed it. */
const VIEW_END_DELAY_MS = 100;
/** Submit, cancel and custom buttons together, per dialog. */
const MAX_BUTTONS = 6;

interface OpenDialog {
  readonly id: string;
  readonly opener: View;
  /** The opener's handle, echoed in `dialog.close` so its Dialog object hears its own close. */
  readonly ref: string | undefined;
  readonly ui: DialogUi;
  readonly buttons: Map<string, ButtonState>;
  readonly customData: unknown;
  readonly closeOnEscape: boolean;
  view: View | undefined;
  closeOnSubmit: boolean;
  closed: boolean;
}

/**
 * The `dialog` module: apps open their own dialog modules over the product page. One stack per
 * host; the top dialog is the one the user can act on. The dialog's iframe is an ordinary view
 * (options `{ isDialog: true, dialogId, customData, closeOnEscape }`) living inside the dialog.
 *
 * @example
 * ```ts
 * const host = createHostCore({ modules: [dialogModule({ ui: { theme: 'dark' } })] });
 * host.registerApp({ key: 'my-app', baseUrl: 'https://app.example.com',
 *   modules: { dialogs: [{ key: 'confirm', url: '/confirm', options: { size: 'small' } }] } });
 * ```
 */
export function dialogModule(options: HostOptions = {}): ContractModule<DialogContract> {
  const stack: OpenDialog[] = [];
  let layer: UiLayer | undefined;

  function close(dialog: OpenDialog, data?: unknown): void {
    if (dialog.closed) return;
    // Dialogs stacked above this one (opened from it) go first, newest first.
    for (const above of stack.slice(stack.indexOf(dialog) + 1).reverse()) close(above);
    dialog.closed = true;
    stack.splice(stack.indexOf(dialog), 1);
    dialog.ui.remove();
    // The dialog's own iframe may be the caller (AP.dialog.close from inside): its answer is sent
    // first, then its view ends.
    const view = dialog.view;
    if (view) setTimeout(() => view.destroy(), VIEW_END_DELAY_MS);
    // Only the opener hears the close data: never another app, never the dialog itself.
    dialog.opener.emit(DialogEvent.close, data, dialog.ref);
  }

  function click(dialog: OpenDialog, id: string): void {
    const button = dialog.buttons.get(id);
    if (!button || !button.enabled || button.hidden || dialog.closed) return;
    const data: ButtonEventData = { button: { name: id, identifier: id, text: button.text } };
    dialog.view?.emit(DialogEvent.buttonClick, data);
    if (id === 'submit') {
      dialog.view?.emit(DialogEvent.submit, data);
      if (dialog.closeOnSubmit) close(dialog);
    } else if (id === 'cancel') {
      dialog.view?.emit(DialogEvent.cancel, data);
      close(dialog);
    }
  }

  function escape(dialog: OpenDialog): boolean {
    if (!dialog.closeOnEscape || stack[stack.length - 1] !== dialog) return false;
    close(dialog);
    return true;
  }

  /** A dialog view the product drew itself (a web item's), not one of this module's. */
  function productDrawn(ctx: CallContext): boolean {
    return viewKind(ctx.view.options).isDialog && !stack.some((d) => d.view === ctx.view);
  }

  /** The dialog whose iframe made the call; the in-dialog methods are refused elsewhere. */
  function own(ctx: CallContext): OpenDialog {
    const dialog = stack.find((d) => d.view === ctx.view);
    if (!dialog) throw new BridgeError(ErrorCode.NOT_SUPPORTED, 'This iframe is not a dialog');
    return dialog;
  }

  function button(dialog: OpenDialog, raw: unknown): ButtonState {
    const state = dialog.buttons.get(identifier(raw, 'button'));
    if (!state) throw invalid(`No button "${String(raw)}" in this dialog`);
    return state;
  }

  function checkCanOpen(): UiLayer {
    if (!layer) throw new BridgeError(ErrorCode.NOT_SUPPORTED, 'The dialog module is not attached to a host');
    if (stack.length >= MAX_OPEN_DIALOGS) {
      throw new BridgeError(ErrorCode.TOO_MANY_OPEN, `At most ${MAX_OPEN_DIALOGS} dialogs can be open`);
    }
    return layer;
  }

  async function open(ctx: CallContext, raw: unknown, rawRef: unknown): Promise<{ id: string }> {
    checkCanOpen();
    const spec = dialogSpec(ctx.app, raw);
    const ref = rawRef === undefined || rawRef === null ? undefined : identifier(rawRef, 'ref');
    const url = options.resolveModuleUrl
      ? await options.resolveModuleUrl(ctx.app, spec.module.key, spec.module.url, ctx.view)
      : spec.module.url;
    // The product's server was asked in between: the page, the stack or the caller may have moved on.
    const drawOn = checkCanOpen();
    if (ctx.signal.aborted || ctx.view.state === 'destroyed') {
      throw new BridgeError(ErrorCode.CALL_CANCELLED, 'The dialog was no longer wanted');
    }
    const id = randomId();
    const dialog: OpenDialog = {
      id,
      opener: ctx.view,
      ref,
      buttons: new Map(spec.buttons.map((b) => [b.identifier, { ...b }])),
      customData: spec.customData,
      closeOnEscape: spec.closeOnEscape,
      closeOnSubmit: true,
      closed: false,
      view: undefined,
      ui: openDialogUi(drawOn, {
        appName: ctx.app.name,
        chrome: spec.chrome,
        header: spec.header,
        hint: spec.hint,
        size: spec.size,
        width: spec.width,
        height: spec.height,
        buttons: spec.buttons,
        onButton: (buttonId) => click(dialog, buttonId),
        onEscape: () => escape(dialog),
      }),
    };
    stack.push(dialog);
    const viewOptions: DialogViewOptions = {
      isDialog: true,
      dialogId: id,
      closeOnEscape: spec.closeOnEscape,
      ...(spec.customData === undefined ? {} : { customData: spec.customData }),
    };
    try {
      dialog.view = ctx.host.create(
        {
          app: ctx.app.key,
          moduleKey: spec.module.key,
          url,
          context: { ...ctx.view.context },
          options: { ...viewOptions },
          width: '100%',
          height: '100%',
        },
        dialog.ui.body,
      );
    } catch (error) {
      close(dialog);
      throw error;
    }
    const view = dialog.view;
    dialog.ui.focus(view.iframe);
    view.ready.then(
      () => {
        if (!dialog.closed && stack[stack.length - 1] === dialog) dialog.ui.settleFocus(view.iframe);
      },
      () => {},
    );
    return { id };
  }

  return {
    name: DIALOG_MODULE,
    methods: {
      create: open,
      close(ctx: CallContext, data?: unknown): boolean {
        if (productDrawn(ctx)) {
          const hook = options.dialog?.close;
          if (!hook) throw unsupported(DIALOG_MODULE, 'close');
          hook(ctx.view, data);
          return true;
        }
        // From inside a dialog: that dialog. From anywhere else: the top dialog this app opened.
        const target =
          stack.find((d) => d.view === ctx.view) ??
          [...stack].reverse().find((d) => d.opener.app.key === ctx.app.key);
        if (!target) return false;
        close(target, data);
        return true;
      },
      // Connect gives a web item's dialog no custom data (undefined) unless its product passes some.
      getCustomData: (ctx: CallContext) => (productDrawn(ctx) ? ctx.view.options.customData : own(ctx).customData),
      getButton: (ctx: CallContext, id: unknown): ButtonState => ({ ...button(own(ctx), id) }),
      updateButton(ctx: CallContext, id: unknown, change: unknown): ButtonState {
        const dialog = own(ctx);
        const state = button(dialog, id);
        if (!BUTTON_CHANGES.includes(change as ButtonChange)) invalidChange(change);
        if (change === 'enable' || change === 'disable' || change === 'toggle') {
          state.enabled = change === 'toggle' ? !state.enabled : change === 'enable';
        } else {
          state.hidden = change === 'hide';
        }
        dialog.ui.setButton(state);
        return { ...state };
      },
      triggerButton(ctx: CallContext, id: unknown): void {
        const dialog = own(ctx);
        click(dialog, button(dialog, id).identifier);
      },
      createButton(ctx: CallContext, spec: unknown): ButtonState {
        const dialog = own(ctx);
        const state = customButton(spec);
        if (dialog.buttons.has(state.identifier)) throw invalid(`Button "${state.identifier}" exists`);
        if (dialog.buttons.size >= MAX_BUTTONS) throw new BridgeError(ErrorCode.TOO_MANY_OPEN, 'Too many dialog buttons');
        dialog.buttons.set(state.identifier, state);
        dialog.ui.setButton(state);
        return { ...state };
      },
      disableCloseOnSubmit(ctx: CallContext): void {
        own(ctx).closeOnSubmit = false;
      },
      isCloseOnEscape: (ctx: CallContext) => own(ctx).closeOnEscape,
      escape: (ctx: CallContext) => escape(own(ctx)),
    },
    attach(host: Host) {
      const acquired = acquireLayer(host, options);
      layer = acquired.layer;
      // A dialog whose iframe goes away (removed, app unregistered, host destroyed) closes with it.
      const stop = host.onViewState((view, state) => {
        if (state !== 'destroyed') return;
        const dialog = stack.find((d) => d.view === view);
        if (dialog) close(dialog);
      });
      return () => {
        stop();
        for (const dialog of [...stack].reverse()) close(dialog);
        acquired.release();
        layer = undefined;
      };
    },
  };
}

function invalidChange(change: unknown): never {
  throw invalid(`A button change is one of ${BUTTON_CHANGES.join(', ')}; got ${String(change).slice(0, 20)}`);
}
