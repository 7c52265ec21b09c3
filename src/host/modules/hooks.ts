// Helpers for the product modules (history, jira, confluence, page, inlineDialog, theming): the
// library checks the app's arguments; the product, through its host options, decides what they do.
import { BridgeError, ErrorCode } from '../../shared/errors.js';
import { isFullPage } from '../pages.js';
import type { CallContext } from '../types.js';
import { invalid, isRecord } from './uiArgs.js';

/** The answer of a method whose product hook is missing. */
export function unsupported(module: string, method: string): BridgeError {
  return new BridgeError(ErrorCode.NOT_SUPPORTED, `This product does not support ${module}.${method}`);
}

/** Full-page modules only (history, page titles, scroll position), as Connect restricts them. */
export function fullPageOnly(ctx: CallContext, what: string): void {
  if (!isFullPage(ctx.view)) {
    throw new BridgeError(ErrorCode.NOT_SUPPORTED, `${what} is only available to full-page modules`);
  }
}

/** A string argument of at most `max` characters. */
export function text(value: unknown, name: string, max: number): string {
  if (typeof value !== 'string') throw invalid(`${name} must be a string`);
  if (value.length > max) throw new BridgeError(ErrorCode.PAYLOAD_TOO_LARGE, `${name} is over ${max} characters`);
  return value;
}

/**
 * App data handed to product code: a fresh JSON copy (the product never sees the app's object graph
 * or its prototype), capped in size. `undefined` and `null` read as `{}` when `optional`.
 */
export function jsonData(value: unknown, name: string, maxChars: number, optional = true): Record<string, unknown> {
  if (optional && (value === undefined || value === null)) return {};
  if (!isRecord(value)) throw invalid(`${name} must be an object`);
  let json: string;
  try {
    json = JSON.stringify(value);
  } catch {
    throw invalid(`${name} must be JSON-serialisable`);
  }
  if (json.length > maxChars) throw new BridgeError(ErrorCode.PAYLOAD_TOO_LARGE, `${name} is over ${maxChars} characters`);
  return JSON.parse(json) as Record<string, unknown>;
}
