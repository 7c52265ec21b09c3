import type { ButtonState, DialogSize } from '../../shared/contracts/dialog.js';
import { deepActiveElement, el, uid } from './dom.js';
import type { UiLayer } from './layer.js';

export interface DialogUiOptions {
  appName: string;
  chrome: boolean;
  /** Header text (also the accessible name); the app name when the app gave none. */
  header: string;
  hint: string | undefined;
  size: DialogSize | undefined;
  /** CSS lengths, already validated. */
  width: string;
  height: string;
  /** In display order. */
  buttons: ButtonState[];
  onButton(identifier: string): void;
  onEscape(): void;
}

/** A drawn dialog; the module decides what its buttons and Escape do. */
export interface DialogUi {
  /** Where the dialog's iframe goes. */
  readonly body: HTMLElement;
  setButton(state: ButtonState): void;
  /** Moves focus into the dialog: onto the app's iframe, so keys reach the app. */
  focus(target: HTMLIFrameElement): void;
  /** Repeats `focus` once the app connected, unless the user has moved focus meanwhile. */
  settleFocus(target: HTMLIFrameElement): void;
  /** Closes the dialog and gives focus back to whatever had it before it opened. */
  remove(): void;
}

const DETACH_DELAY_MS = 100;

const PRESETS: Record<DialogSize, { width: string; height: string }> = {
  small: { width: '400px', height: '200px' },
  medium: { width: '600px', height: '400px' },
  large: { width: '800px', height: '600px' },
  'x-large': { width: '968px', height: '700px' },
  maximum: { width: 'calc(100vw - 40px)', height: 'calc(100vh - 60px)' },
  fullscreen: { width: '100vw', height: '100vh' },
};

/**
 * Draws a modal dialog with the native `<dialog>` element: `showModal()` puts it in the top layer,
 * makes the page behind it inert (so Tab stays inside) and gives it a backdrop. We still set
 * `role`/`aria-modal` explicitly and label it by its header.
 */
export function openDialogUi(layer: UiLayer, options: DialogUiOptions): DialogUi {
  const doc = layer.document;
  const previous = deepActiveElement(doc);
  const dialog = el(doc, 'dialog', 'apb-dialog');
  dialog.setAttribute('role', 'dialog');
  dialog.setAttribute('aria-modal', 'true');
  const preset = options.size ? PRESETS[options.size] : undefined;
  if (options.size) dialog.classList.add(`apb-size-${options.size}`);
  const body = el(doc, 'div', 'apb-dialog-body');
  const buttons = new Map<string, HTMLButtonElement>();

  if (options.chrome) {
    const titleId = uid('apb-dialog-title');
    const header = el(doc, 'header', 'apb-dialog-header');
    const title = el(doc, 'h2', 'apb-dialog-title', options.header);
    title.id = titleId;
    header.append(title, el(doc, 'span', 'apb-dialog-app', options.appName));
    dialog.setAttribute('aria-labelledby', titleId);
    const footer = el(doc, 'footer', 'apb-dialog-footer');
    const hint = el(doc, 'p', 'apb-dialog-hint', options.hint ?? '');
    hint.hidden = !options.hint;
    const group = el(doc, 'div', 'apb-dialog-buttons');
    for (const state of options.buttons) {
      const button = el(doc, 'button', state.identifier === 'submit' ? 'apb-primary' : state.identifier === 'cancel' ? 'apb-subtle' : '');
      button.type = 'button';
      button.setAttribute('data-apb-button', state.identifier);
      button.addEventListener('click', () => options.onButton(state.identifier));
      buttons.set(state.identifier, button);
      group.appendChild(button);
    }
    footer.append(hint, group);
    dialog.append(header, body, footer);
  } else {
    dialog.setAttribute('aria-label', options.header);
    dialog.append(body);
  }

  function setButton(state: ButtonState): void {
    let button = buttons.get(state.identifier);
    if (!button) {
      button = el(doc, 'button');
      button.type = 'button';
      button.setAttribute('data-apb-button', state.identifier);
      const id = state.identifier;
      button.addEventListener('click', () => options.onButton(id));
      buttons.set(id, button);
      // Custom buttons go before submit and cancel, as Connect lays them out.
      const group = dialog.querySelector('.apb-dialog-buttons');
      group?.insertBefore(button, buttons.get('submit') ?? buttons.get('cancel') ?? null);
    }
    button.textContent = state.text;
    button.disabled = !state.enabled;
    button.hidden = state.hidden;
  }
  for (const state of options.buttons) setButton(state);

  dialog.style.width = preset?.width ?? options.width;
  if (options.size === 'fullscreen' || options.size === 'maximum') dialog.style.height = preset?.height ?? '';
  else body.style.height = preset?.height ?? options.height;

  // Escape is ours to decide (closeOnEscape): handled on keydown, so the browser never starts its
  // own close request; `cancel` is still refused for close requests that come another way.
  dialog.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    options.onEscape();
  });
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    options.onEscape();
  });

  layer.root().appendChild(dialog);
  if (typeof dialog.showModal === 'function') dialog.showModal();
  else dialog.setAttribute('open', '');

  return {
    body,
    setButton,
    focus(target) {
      // Focus given to an iframe before its cross-origin document commits stays with the element
      // but not the new document, so this runs again once the app connects; focusing an element
      // that already has focus is a no-op, hence the blur first.
      target.blur();
      target.focus();
    },
    settleFocus(target) {
      const active = layer.root().activeElement;
      if (active === target || active === dialog || active === null) this.focus(target);
    },
    remove() {
      if (dialog.open && typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
      if (previous instanceof HTMLElement && previous.isConnected) previous.focus();
      // Closed (hidden, out of the top layer) now; detached a moment later, so the key that closed
      // it (Esc or Enter inside the app's iframe) finishes in a live frame rather than a dead one.
      setTimeout(() => dialog.remove(), DETACH_DELAY_MS);
    },
  };
}
