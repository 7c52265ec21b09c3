import type { WirePart, WireRequest } from '../../shared/contracts/request.js';
import { BridgeError, ErrorCode } from '../../shared/errors.js';

const FORM = 'application/x-www-form-urlencoded';

function isBlob(value: unknown): value is Blob {
  return typeof Blob !== 'undefined' && value instanceof Blob;
}

// jQuery's `$.param` (traditional = false) for the shapes apps send: scalars, arrays of scalars,
// nested objects as `a[b]=c`. Undefined values are skipped, null becomes an empty string.
function addParam(params: URLSearchParams, key: string, value: unknown): void {
  if (value === undefined || typeof value === 'function') return;
  if (Array.isArray(value)) {
    for (const item of value) addParam(params, `${key}[]`, item);
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) addParam(params, `${key}[${k}]`, v);
  } else {
    params.append(key, value === null ? '' : String(value));
  }
}

/** Form-encodes an object as jQuery does (the encoding Connect's request used). */
export function formEncode(data: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(data)) addParam(params, key, value);
  return params.toString();
}

function toParts(data: object): WirePart[] {
  const entries: [string, unknown][] =
    typeof FormData !== 'undefined' && data instanceof FormData ? [...data.entries()] : Object.entries(data);
  const parts: WirePart[] = [];
  for (const [name, value] of entries) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (isBlob(item)) {
        // A File's name is kept explicitly: structured clone keeps Files, but the host rebuilds the
        // form from parts and needs the filename for Content-Disposition.
        const filename = (item as Partial<File>).name;
        parts.push(typeof filename === 'string' ? { name, blob: item, filename } : { name, blob: item });
      } else if (item !== undefined && item !== null) {
        parts.push({ name, value: typeof item === 'object' ? JSON.stringify(item) : String(item) });
      }
    }
  }
  return parts;
}

/** The Connect request options an app passes (the subset that reaches the wire). */
export interface RequestInput {
  url: string;
  type?: string;
  data?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
  cache?: boolean;
  experimental?: boolean;
  binaryAttachment?: boolean;
}

/**
 * Encodes Connect request options into the wire request: GET/HEAD data goes into the query string;
 * a body is a string as given, JSON (when the content type says json), form-encoded, or multipart
 * parts (Blobs and Files are structured-cloned, never read here).
 */
export function encodeRequest(input: RequestInput): WireRequest {
  if (typeof input.url !== 'string') throw new BridgeError(ErrorCode.INVALID_ARGUMENT, 'request needs a url');
  const type = (typeof input.type === 'string' ? input.type : 'GET').toUpperCase();
  let url = input.url;
  let contentType = typeof input.contentType === 'string' ? input.contentType : undefined;
  const wire: WireRequest = { url, type };
  const { data } = input;
  if (data !== undefined && data !== null) {
    if (type === 'GET' || type === 'HEAD') {
      const query = typeof data === 'string' ? data : formEncode(data as object);
      if (query) url += (url.includes('?') ? '&' : '?') + query;
    } else if (typeof data === 'string') {
      wire.data = data;
      contentType ??= FORM;
    } else if (typeof data === 'object') {
      if (contentType?.toLowerCase().startsWith('multipart/form-data') || (typeof FormData !== 'undefined' && data instanceof FormData)) {
        wire.parts = toParts(data);
        contentType = undefined;
      } else if (contentType && /[/+]json\b/i.test(contentType)) {
        wire.data = JSON.stringify(data);
      } else {
        wire.data = formEncode(data);
        contentType ??= FORM;
      }
    } else {
      wire.data = String(data);
      contentType ??= FORM;
    }
  }
  wire.url = url;
  if (contentType !== undefined) wire.contentType = contentType;
  if (input.headers && typeof input.headers === 'object') wire.headers = { ...input.headers };
  if (input.cache === false) wire.cache = false;
  if (input.experimental === true) wire.experimental = true;
  if (input.binaryAttachment === true) wire.binaryAttachment = true;
  return wire;
}
