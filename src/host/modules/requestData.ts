// The request body encoding Connect's host performed (jQuery's): the app sends its `data` as given and
// the host turns it into a query string, a text body or multipart parts, so all.js carries no encoder.
// Everything here is untrusted input from the app's page.
import { BridgeError, ErrorCode } from '../../shared/errors.js';

const FORM = 'application/x-www-form-urlencoded';
const MAX_PARTS = 100;
// Form keys nest as `a[b][c]`; no REST API takes them this deep, and a cyclic value must end somewhere.
const MAX_DEPTH = 32;

/** One part of a `multipart/form-data` body: a text field, or a Blob/File (structured-cloned). */
export type Part = { name: string; value: string } | { name: string; blob: Blob; filename?: string };

/** The body of a request as the host sends it, and its URL with any GET/HEAD data in the query. */
export interface EncodedData {
  url: string;
  /** A text body (form-encoded, JSON, or the app's own string). */
  data?: string;
  /** A multipart body; the host builds a FormData (and its boundary) from these. */
  parts?: Part[];
  contentType?: string;
}

function invalid(message: string): never {
  throw new BridgeError(ErrorCode.INVALID_ARGUMENT, message);
}

function isBlob(value: unknown): value is Blob {
  return typeof Blob !== 'undefined' && value instanceof Blob;
}

// jQuery's `$.param` (traditional = false) for the shapes apps send: scalars, arrays of scalars,
// nested objects as `a[b]=c`. Undefined values are skipped, null becomes an empty string.
function addParam(params: URLSearchParams, key: string, value: unknown, depth: number): void {
  if (value === undefined || typeof value === 'function') return;
  if (depth > MAX_DEPTH) invalid('request.data is nested too deeply to form-encode');
  if (Array.isArray(value)) {
    for (const item of value) addParam(params, `${key}[]`, item, depth + 1);
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) addParam(params, `${key}[${k}]`, v, depth + 1);
  } else {
    params.append(key, value === null ? '' : String(value));
  }
}

/** Form-encodes a value as jQuery does (the encoding Connect's request used). */
export function formEncode(data: unknown): string {
  const params = new URLSearchParams();
  if (typeof data === 'object' && data !== null) {
    for (const [key, value] of Object.entries(data)) addParam(params, key, value, 0);
  }
  return params.toString();
}

function toParts(entries: readonly (readonly [string, unknown])[]): Part[] {
  const parts: Part[] = [];
  for (const [name, value] of entries) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (isBlob(item)) {
        // A File keeps its name through structured clone; Content-Disposition needs it.
        const filename = (item as Partial<File>).name;
        parts.push(typeof filename === 'string' ? { name, blob: item, filename: filename.slice(0, 256) } : { name, blob: item });
      } else if (item !== undefined && item !== null) {
        parts.push({ name, value: typeof item === 'object' ? json(item) : String(item) });
      }
      if (name.length > 256) invalid('A multipart part name is over 256 characters');
      if (parts.length > MAX_PARTS) invalid(`A multipart body has at most ${MAX_PARTS} parts`);
    }
  }
  return parts;
}

function json(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    // A cycle or a BigInt: the app's own value, refused as an argument.
    return invalid('request.data cannot be encoded as JSON');
  }
}

/** FormData's entries as the plugin sends them: `[name, string | Blob]` pairs. */
function readForm(value: unknown): [string, string | Blob][] {
  if (!Array.isArray(value) || value.length > MAX_PARTS) invalid(`request.form must be at most ${MAX_PARTS} entries`);
  return value.map((entry: unknown): [string, string | Blob] => {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string' || !(typeof entry[1] === 'string' || isBlob(entry[1]))) {
      return invalid('A form entry is a [name, string or Blob] pair');
    }
    return [entry[0], entry[1]];
  });
}

/**
 * Encodes the app's `data` (`WireRequest.data`, boxed) and FormData entries (`form`) as Connect did: for GET and HEAD into the query string; otherwise a string
 * is the body as given, an object becomes multipart parts (a FormData, or `multipart/form-data`), JSON
 * (when the content type says json) or a form-encoded body; form bodies default their content type.
 */
export function encodeData(type: string, url: string, boxed: unknown, form: unknown, contentType: string | undefined): EncodedData {
  if (boxed !== undefined && boxed !== null && (!Array.isArray(boxed) || boxed.length !== 1)) invalid('request.data must be [data]');
  const data: unknown = Array.isArray(boxed) ? boxed[0] : undefined;
  if (type === 'GET' || type === 'HEAD') {
    const query = typeof data === 'string' ? data : formEncode(data);
    return { url: query ? url + (url.includes('?') ? '&' : '?') + query : url, contentType };
  }
  if (form !== undefined && form !== null) return { url, parts: toParts(readForm(form)) };
  if (data === undefined || data === null) return { url, contentType };
  if (typeof data === 'object') {
    if (contentType?.toLowerCase().startsWith('multipart/form-data')) return { url, parts: toParts(Object.entries(data)) };
    if (contentType && /[/+]json\b/i.test(contentType)) return { url, data: json(data), contentType };
    return { url, data: formEncode(data), contentType: contentType ?? FORM };
  }
  return { url, data: String(data), contentType: contentType ?? FORM };
}
