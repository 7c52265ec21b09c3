import type { RequestContract } from '../../shared/contracts/request.js';
import { REQUEST_MODULE, type WireResponse } from '../../shared/contracts/request.js';
import { BridgeError, ErrorCode } from '../../shared/errors.js';
import { own } from '../../shared/guards.js';
import type { CallContext, ContractModule, HostOptions } from '../types.js';
import { createSlots } from '../slots.js';
import { readBody } from './requestBody.js';
import { encodeData, type EncodedData } from './requestData.js';
import { relativeToContext, resolveRequestUrl, type RequestTarget } from './requestUrl.js';

const METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']);
// Connect documents exactly these; anything else an app sets is dropped, as Connect drops it.
const APP_HEADERS: ReadonlySet<string> = new Set(['accept', 'if-match', 'if-none-match']);
const BASE_RESPONSE_HEADERS = ['content-type', 'etag'];
const MAX_REDIRECTS = 5;
const HEADER_VALUE = /^[^\r\n\0]{0,1024}$/;

/** Defaults documented in the README. */
export const REQUEST_DEFAULTS = {
  allowedPaths: ['/rest/'],
  maxConcurrentPerApp: 16,
  maxQueuedPerApp: 10_000,
  maxBodyBytes: 10 * 1024 * 1024,
  maxResponseBytes: 50 * 1024 * 1024,
} as const;

function invalid(message: string): never {
  throw new BridgeError(ErrorCode.INVALID_ARGUMENT, message);
}

function optionalString(record: object, key: string, max = 1024): string | undefined {
  const value = own(record, key);
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.length > max) invalid(`request.${key} must be a string`);
  return value;
}

/** A checked request: the body encoded, headers filtered, flags read strictly. */
export interface CheckedRequest extends EncodedData {
  type: string;
  headers: Record<string, string>;
  cache: boolean;
  experimental: boolean;
  binaryAttachment: boolean;
}

/** Checks the untrusted request description field by field, building a fresh object. */
export function readRequest(raw: unknown): CheckedRequest {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) invalid('request takes an options object');
  const type = (optionalString(raw, 'type', 16) ?? 'GET').toUpperCase();
  if (!METHODS.has(type)) throw new BridgeError(ErrorCode.NOT_ALLOWED, `HTTP method ${type} is not allowed`);
  const url = own(raw, 'url');
  if (typeof url !== 'string') invalid('request.url must be a string');
  const headers: Record<string, string> = {};
  const rawHeaders = own(raw, 'headers');
  if (rawHeaders !== undefined && rawHeaders !== null) {
    if (typeof rawHeaders !== 'object') invalid('request.headers must be an object');
    for (const name of Object.keys(rawHeaders)) {
      const value = own(rawHeaders, name);
      if (!APP_HEADERS.has(name.toLowerCase())) continue;
      if (typeof value !== 'string' || !HEADER_VALUE.test(value)) invalid(`Header ${name} has an invalid value`);
      headers[name.toLowerCase()] = value;
    }
  }
  const contentType = optionalString(raw, 'contentType', 256);
  if (contentType !== undefined && !HEADER_VALUE.test(contentType)) invalid('request.contentType is invalid');
  const body = encodeData(type, url, own(raw, 'data'), own(raw, 'form'), contentType);
  return {
    url: body.url,
    type,
    ...(body.data !== undefined ? { data: body.data } : {}),
    ...(body.parts ? { parts: body.parts } : {}),
    ...(body.contentType !== undefined ? { contentType: body.contentType } : {}),
    headers,
    cache: own(raw, 'cache') !== false,
    experimental: own(raw, 'experimental') === true,
    binaryAttachment: own(raw, 'binaryAttachment') === true,
  };
}

function encodeBody(request: CheckedRequest, maxBytes: number): BodyInit | undefined {
  let size = 0;
  let body: BodyInit | undefined;
  if (request.parts) {
    const form = new FormData();
    for (const part of request.parts) {
      if ('blob' in part) {
        size += part.blob.size;
        form.append(part.name, part.blob, part.filename ?? 'blob');
      } else {
        // Exact bytes: a 3x-per-unit bound summed over parts refused forms well under the cap.
        size += new TextEncoder().encode(part.value).length;
        form.append(part.name, part.value);
      }
    }
    body = form;
  } else if (request.data !== undefined) {
    // Cheap bound first (UTF-16 length <= UTF-8 bytes <= 3x it); encode only when it could matter.
    size = request.data.length * 3 > maxBytes ? new TextEncoder().encode(request.data).length : request.data.length;
    body = request.data;
  }
  if (size > maxBytes) throw new BridgeError(ErrorCode.PAYLOAD_TOO_LARGE, `The request body is over ${maxBytes} bytes`);
  return body;
}

function buildHeaders(request: CheckedRequest, ctx: CallContext, hostHeaders: Record<string, string>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers ?? {})) headers.set(name, value);
  // A multipart body gets its content-type (with the boundary) from the FormData itself.
  if (request.contentType && !request.parts) headers.set('content-type', request.contentType);
  if (request.experimental) headers.set('x-experimentalapi', 'opt-in');
  for (const [name, value] of Object.entries(hostHeaders)) headers.set(name, value);
  // Set last, from the session: an app can neither omit nor forge its identity.
  headers.set('AP-Client-Key', ctx.app.key);
  return headers;
}

function isRedirect(response: Response): boolean {
  return response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400 && response.status !== 304);
}

/**
 * The `request` module: `AP.request` performed by the host, on the product origin, with the user's
 * session. See `resolveRequestUrl` in requestUrl.ts for the URL policy.
 *
 * @example
 * ```ts
 * const host = createHostCore({
 *   modules: [requestModule({ request: { allowedPaths: ['/rest/api/3/'], headers: { 'X-Atlassian-Token': 'no-check' } } })],
 * });
 * ```
 */
export function requestModule(options: HostOptions = {}): ContractModule<RequestContract> {
  const policy = options.request ?? {};
  const allowedPaths = policy.allowedPaths ?? [...REQUEST_DEFAULTS.allowedPaths];
  const maxConcurrent = policy.maxConcurrentPerApp ?? REQUEST_DEFAULTS.maxConcurrentPerApp;
  const maxBody = policy.maxBodyBytes ?? REQUEST_DEFAULTS.maxBodyBytes;
  const maxResponse = policy.maxResponseBytes ?? REQUEST_DEFAULTS.maxResponseBytes;
  const exposed = new Set([...BASE_RESPONSE_HEADERS, ...(policy.responseHeaders ?? []).map((h) => h.toLowerCase())]);
  const hostHeaders = { ...policy.headers };
  const slots = createSlots(maxConcurrent, policy.maxQueuedPerApp ?? REQUEST_DEFAULTS.maxQueuedPerApp);

  function targetFor(ctx: CallContext): RequestTarget {
    const base = new URL(options.productBaseUrl ?? ctx.host.origin);
    const contextPath = (options.contextPath ?? base.pathname).replace(/\/+$/, '');
    return { origin: base.origin, contextPath, allowedPaths };
  }

  async function perform(ctx: CallContext, request: CheckedRequest, target: RequestTarget): Promise<WireResponse> {
    let url = resolveRequestUrl(request.url, target);
    let method = request.type;
    let body = encodeBody(request, maxBody);
    const headers = buildHeaders(request, ctx, hostHeaders);
    const doFetch = policy.fetch ?? (options.window ?? globalThis).fetch;
    for (let hop = 0; ; hop++) {
      let response: Response;
      try {
        response = await doFetch(url.href, {
          method,
          headers,
          ...(body === undefined ? {} : { body }),
          // Never followed blindly: a redirect could leave the allowed paths with the user's session.
          redirect: 'manual',
          credentials: url.origin === ctx.host.origin ? 'same-origin' : 'include',
          cache: request.cache === false ? 'no-store' : 'default',
          signal: ctx.signal,
        });
      } catch {
        if (ctx.signal.aborted) throw new BridgeError(ErrorCode.CALL_CANCELLED, 'The request was cancelled');
        throw new BridgeError(ErrorCode.REQUEST_FAILED, 'The request failed before the server answered');
      }
      if (!isRedirect(response)) return respond(response, request.binaryAttachment === true);
      // A browser hides the target of a manual redirect ('opaqueredirect'), so it cannot be checked:
      // it is refused. Fetch implementations that expose Location get it re-checked and followed.
      const location = response.type === 'opaqueredirect' ? null : response.headers.get('location');
      const next = location === null ? null : relativeToContext(new URL(location, url), target);
      if (next === null || hop >= MAX_REDIRECTS) {
        throw new BridgeError(ErrorCode.NOT_ALLOWED, 'The server redirected; the redirect was not followed', {
          status: response.status,
        });
      }
      url = resolveRequestUrl(next, target);
      if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
        method = 'GET';
        body = undefined;
        headers.delete('content-type');
      }
    }
  }

  async function respond(response: Response, binary: boolean): Promise<WireResponse> {
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      if (exposed.has(name.toLowerCase())) headers[name.toLowerCase()] = value;
    });
    const bytes = await readBody(response, maxResponse);
    return {
      status: response.status,
      statusText: response.statusText,
      headers,
      body: binary ? bytes.buffer : new TextDecoder().decode(bytes),
    };
  }

  return {
    name: REQUEST_MODULE,
    methods: {
      async request(ctx: CallContext, raw: unknown): Promise<WireResponse> {
        const request = readRequest(raw);
        const target = targetFor(ctx);
        // URL first, so refusals never wait behind (or count against) the concurrency cap.
        resolveRequestUrl(request.url, target);
        const release = await slots.acquire(ctx.app.key, () => ctx.signal);
        try {
          return await perform(ctx, request, target);
        } finally {
          release();
        }
      },
    },
  };
}
