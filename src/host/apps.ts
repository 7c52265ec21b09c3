import { BridgeError, ErrorCode } from '../shared/errors.js';
import type { App, AppDescriptor } from './types.js';

const APP_KEY = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Validates an app registration. Only http(s) base URLs on an origin other than the host's are
 * accepted: a same-origin app could script the product page directly, and `javascript:`, `data:`,
 * `blob:` URLs have no origin we could authenticate.
 */
export function toApp(descriptor: AppDescriptor, hostOrigin: string): App {
  if (typeof descriptor.key !== 'string' || !APP_KEY.test(descriptor.key)) {
    throw new BridgeError(ErrorCode.INVALID_ARGUMENT, `Invalid app key "${String(descriptor.key)}"`);
  }
  let url: URL;
  try {
    url = new URL(descriptor.baseUrl);
  } catch {
    throw new BridgeError(ErrorCode.INVALID_ARGUMENT, `App "${descriptor.key}" has an invalid baseUrl`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new BridgeError(ErrorCode.NOT_ALLOWED, `App "${descriptor.key}" baseUrl must be http(s)`);
  }
  if (url.origin === hostOrigin) {
    throw new BridgeError(ErrorCode.NOT_ALLOWED, `App "${descriptor.key}" must not share the host's origin`);
  }
  return Object.freeze({
    key: descriptor.key,
    name: typeof descriptor.name === 'string' ? descriptor.name : descriptor.key,
    baseUrl: url.href.replace(/\/$/, ''),
    origin: url.origin,
    modules: Object.freeze({ ...descriptor.modules }),
  });
}

/** Resolves a module URL against the app and refuses anything that leaves the app's origin. */
export function resolveViewUrl(app: App, url: string): string {
  let resolved: URL;
  try {
    resolved = new URL(url, app.baseUrl + '/');
  } catch {
    throw new BridgeError(ErrorCode.INVALID_ARGUMENT, `Invalid URL for app "${app.key}"`);
  }
  if (resolved.origin !== app.origin) {
    throw new BridgeError(ErrorCode.NOT_ALLOWED, `URL is not on app "${app.key}"'s origin`);
  }
  return resolved.href;
}
