// Checks for the untrusted arguments of the UI modules (dialog, flag, messages, resize).
import { BridgeError, ErrorCode } from '../../shared/errors.js';

const IDENTIFIER = /^[A-Za-z0-9_.:-]{1,64}$/;
const LENGTH = /^(\d{1,9}(?:\.\d{1,3})?)(px|%)?$/;

export function invalid(message: string): BridgeError {
  return new BridgeError(ErrorCode.INVALID_ARGUMENT, message);
}

// The shared guards' checks, under the names the UI modules use.
export { isRecord, own as field } from '../../shared/guards.js';

/** Optional text: undefined passes through, other non-strings are refused, long text is cut. */
export function optionalText(value: unknown, name: string, max: number): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalid(`${name} must be a string`);
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

export function optionalBoolean(value: unknown, name: string, fallback: boolean): boolean {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'boolean') throw invalid(`${name} must be a boolean`);
  return value;
}

/** Ids and identifiers chosen by apps: short, and nothing that could mean markup or a path. */
export function identifier(value: unknown, name: string): string {
  if (typeof value !== 'string' || !IDENTIFIER.test(value)) {
    throw invalid(`${name} must be 1-64 letters, digits, '_', '.', ':' or '-'`);
  }
  return value;
}

/**
 * A size from an app: a number of pixels, `"<n>px"`, `"<n>"` or `"<n>%"`. Pixels are clamped to
 * `0..maxPx` and percentages to `0..100`; anything else is refused rather than passed to CSS.
 */
export function cssLength(value: unknown, name: string, maxPx: number): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw invalid(`${name} must be a finite number`);
    return `${Math.round(Math.min(Math.max(value, 0), maxPx))}px`;
  }
  if (typeof value !== 'string') throw invalid(`${name} must be a number or a CSS length in px or %`);
  const match = LENGTH.exec(value.trim());
  if (!match) throw invalid(`${name} must be a number or a CSS length in px or %`);
  const amount = Number(match[1]);
  if (match[2] === '%') return `${Math.min(amount, 100)}%`;
  return `${Math.round(Math.min(amount, maxPx))}px`;
}
