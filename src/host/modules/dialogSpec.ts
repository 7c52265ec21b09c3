// Turns an app's AP.dialog.create options and its descriptor's dialog module into what the host
// draws. Everything here is untrusted input from the app.
import {
  DIALOG_SIZES,
  type ButtonState,
  type DialogSize,
} from '../../shared/contracts/dialog.js';
import { BridgeError, ErrorCode } from '../../shared/errors.js';
import type { App } from '../types.js';
import { cssLength, field, identifier, invalid, isRecord, optionalBoolean, optionalText } from './uiArgs.js';

const MAX_CUSTOM_BUTTONS = 4;
const MAX_CUSTOM_DATA_CHARS = 64 * 1024;
const MAX_DIALOG_PX = 10_000;

/** A dialog module as declared in the app's descriptor. */
export interface DialogModule {
  key: string;
  url: string;
  options: Record<string, unknown>;
}

/** Everything the host needs to open one dialog. */
export interface DialogSpec {
  module: DialogModule;
  size: DialogSize | undefined;
  width: string;
  height: string;
  chrome: boolean;
  header: string;
  hint: string | undefined;
  closeOnEscape: boolean;
  customData: unknown;
  buttons: ButtonState[];
}

/**
 * Finds `key` among the app's own dialog modules. Connect descriptors list them as an array of
 * `{ key, url, options }`; an object keyed by module key is accepted too. Only the calling app's
 * descriptor is searched, so an app can never open another app's dialog.
 */
export function findDialogModule(app: App, key: string): DialogModule | undefined {
  const dialogs = field(app.modules as Record<string, unknown>, 'dialogs');
  let entry: unknown;
  if (Array.isArray(dialogs)) {
    entry = dialogs.find((item) => isRecord(item) && field(item, 'key') === key);
  } else if (isRecord(dialogs)) {
    const found = field(dialogs, key);
    entry = isRecord(found) ? { key, ...found } : undefined;
  }
  if (!isRecord(entry)) return undefined;
  const url = field(entry, 'url');
  if (typeof url !== 'string') return undefined;
  const options = field(entry, 'options');
  return { key, url, options: isRecord(options) ? options : {} };
}

/** Descriptor text may be i18n objects: `{ value: 'Title', i18n: 'key' }`. */
function descriptorText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (isRecord(value) && typeof field(value, 'value') === 'string') return field(value, 'value') as string;
  return undefined;
}

function size(value: unknown): DialogSize | undefined {
  if (value === undefined || value === null) return undefined;
  const lower = typeof value === 'string' ? value.toLowerCase() : value;
  if (!(DIALOG_SIZES as readonly unknown[]).includes(lower)) {
    throw invalid(`size must be one of ${DIALOG_SIZES.join(', ')}`);
  }
  return lower as DialogSize;
}

function customButtons(value: unknown): ButtonState[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw invalid('buttons must be an array');
  if (value.length > MAX_CUSTOM_BUTTONS) throw invalid(`At most ${MAX_CUSTOM_BUTTONS} custom buttons`);
  const buttons = value.map((item) => customButton(item));
  // Buttons are addressed by identifier: a twin would be drawn but never updated or told apart.
  const ids = new Set(buttons.map((b) => b.identifier));
  if (ids.size !== buttons.length) throw invalid('Custom button identifiers must be unique');
  return buttons;
}

/** One `{ text, identifier }` custom button; `submit` and `cancel` are the host's. */
export function customButton(item: unknown): ButtonState {
  if (!isRecord(item)) throw invalid('A button is { text, identifier }');
  const id = identifier(field(item, 'identifier'), 'button identifier');
  if (id === 'submit' || id === 'cancel') throw invalid(`"${id}" is a built-in button`);
  return { identifier: id, text: optionalText(field(item, 'text'), 'button text', 40) ?? id, enabled: true, hidden: false };
}

function checkCustomData(value: unknown): unknown {
  if (value === undefined) return undefined;
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    throw invalid('customData must be JSON-serialisable');
  }
  // It travels in the dialog iframe's window.name, so it is capped like a payload.
  if (json !== undefined && json.length > MAX_CUSTOM_DATA_CHARS) {
    throw new BridgeError(ErrorCode.PAYLOAD_TOO_LARGE, `customData is over ${MAX_CUSTOM_DATA_CHARS} characters`);
  }
  return value;
}

/** Validates `AP.dialog.create` options against the app's descriptor; NOT_ALLOWED for a foreign key. */
export function dialogSpec(app: App, raw: unknown): DialogSpec {
  if (!isRecord(raw)) throw invalid('dialog.create takes an options object');
  const key = field(raw, 'key');
  if (typeof key !== 'string' || key.length === 0 || key.length > 100) throw invalid('key must be a dialog module key');
  const module = findDialogModule(app, key);
  if (!module) throw new BridgeError(ErrorCode.NOT_ALLOWED, `"${key}" is not a dialog module of this app`);
  // Call options win over the descriptor's defaults.
  const pick = (name: string): unknown => field(raw, name) ?? field(module.options, name);
  const chosenSize = size(pick('size'));
  const width = pick('width');
  const height = pick('height');
  const header = optionalText(field(raw, 'header') ?? descriptorText(field(module.options, 'header')), 'header', 200);
  const submitText = optionalText(field(raw, 'submitText'), 'submitText', 40) ?? 'Submit';
  const cancelText = optionalText(field(raw, 'cancelText'), 'cancelText', 40) ?? 'Cancel';
  return {
    module,
    size: chosenSize ?? (width === undefined && height === undefined ? 'medium' : undefined),
    width: width === undefined ? '600px' : cssLength(width, 'width', MAX_DIALOG_PX),
    height: height === undefined ? '400px' : cssLength(height, 'height', MAX_DIALOG_PX),
    chrome: optionalBoolean(pick('chrome'), 'chrome', true),
    header: header ?? app.name,
    hint: optionalText(field(raw, 'hint') ?? descriptorText(field(module.options, 'hint')), 'hint', 300),
    closeOnEscape: optionalBoolean(pick('closeOnEscape'), 'closeOnEscape', true),
    customData: checkCustomData(field(raw, 'customData')),
    buttons: [
      ...customButtons(field(raw, 'buttons')),
      { identifier: 'submit', text: submitText, enabled: true, hidden: false },
      { identifier: 'cancel', text: cancelText, enabled: true, hidden: false },
    ],
  };
}
