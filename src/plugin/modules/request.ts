import { REQUEST_MODULE, RequestMethod, type WireRequest, type WireResponse } from '../../shared/contracts/request.js';
import { BridgeError } from '../../shared/errors.js';
import { isRecord } from '../../shared/guards.js';
import type { PluginBridge } from '../bridge.js';
import { safely } from '../connect.js';

/** The XMLHttpRequest-like object Connect handed to callbacks: a read-only snapshot of the response. */
export interface RequestXhr {
  readonly status: number;
  readonly statusText: string;
  /** The body as text ('' for a binary body). */
  readonly responseText: string;
  /** The body as received: text, or an ArrayBuffer for `binaryAttachment`. */
  readonly response: string | ArrayBuffer;
  readonly readyState: number;
  /** A response header the host passed on (`content-type`, `etag` and configured ones), or null. */
  getResponseHeader(name: string): string | null;
  /** Those headers, one `name: value` line each, as XMLHttpRequest formats them. */
  getAllResponseHeaders(): string;
}

/** Options of `AP.request`, as Connect documents them. `B` is the body type `success` receives. */
export interface RequestOptions<B = string> {
  url?: string;
  /** HTTP method (default GET). */
  type?: string;
  /** Bypass HTTP caches when `false`. */
  cache?: boolean;
  /** A string body, an object (form-encoded, or JSON when `contentType` is JSON, or multipart parts). */
  data?: string | object;
  contentType?: string;
  /** `Accept`, `If-Match`, `If-None-Match`; the host drops other headers. */
  headers?: Record<string, string>;
  experimental?: boolean;
  binaryAttachment?: boolean;
  /** Connect's callback for a 2xx response. */
  success?(body: B, statusText: string, xhr: RequestXhr): void;
  /** Connect's callback for any other outcome (HTTP error, refusal, timeout). */
  error?(xhr: RequestXhr, statusText: string, errorThrown: unknown): void;
}

/** What the request Promise resolves with. */
export interface RequestResult<B = string> {
  body: B;
  xhr: RequestXhr;
}

/**
 * What the request Promise rejects with: `err` is the HTTP reason phrase for an HTTP error, or a
 * {@link BridgeError} (code `NOT_ALLOWED`, `PAYLOAD_TOO_LARGE`, ...) when no response was obtained.
 */
export interface RequestFailure {
  err: unknown;
  xhr: RequestXhr;
}

type Binary = RequestOptions<ArrayBuffer> & { binaryAttachment: true };
type Text = RequestOptions<string> & { binaryAttachment?: false };

/** `AP.request`: every form Connect documents. */
export interface RequestFunction {
  (url: string, options: Binary): Promise<RequestResult<ArrayBuffer>>;
  (options: Binary & { url: string }): Promise<RequestResult<ArrayBuffer>>;
  (url: string, options?: Text): Promise<RequestResult<string>>;
  (options: Text & { url: string }): Promise<RequestResult<string>>;
  (url: string, options?: RequestOptions<string | ArrayBuffer>): Promise<RequestResult<string | ArrayBuffer>>;
  (options: RequestOptions<string | ArrayBuffer> & { url: string }): Promise<RequestResult<string | ArrayBuffer>>;
}

/**
 * The options as they cross to the host, which encodes the body: only a FormData (which a port cannot
 * carry) is unpacked here. Values Connect ignored (a non-string type or content type, non-object
 * headers) are left out, as they were.
 */
function toWire(options: RequestOptions<unknown> & { url: string }, type: string): WireRequest {
  const { url, data, contentType, headers, cache, experimental, binaryAttachment } = options;
  const form = typeof FormData !== 'undefined' && data instanceof FormData;
  return {
    url,
    type,
    data: form || data == null ? undefined : [data],
    form: form ? [...data] : undefined,
    contentType: typeof contentType === 'string' ? contentType : undefined,
    headers: typeof headers === 'object' ? headers : undefined,
    cache,
    experimental,
    binaryAttachment,
  };
}

function makeXhr(response: WireResponse): RequestXhr {
  const headers = new Map(Object.entries(response.headers).map(([k, v]) => [k.toLowerCase(), v]));
  return Object.freeze({
    status: response.status,
    statusText: response.statusText,
    responseText: typeof response.body === 'string' ? response.body : '',
    response: response.body,
    readyState: 4,
    getResponseHeader: (name: string) => headers.get(String(name).toLowerCase()) ?? null,
    getAllResponseHeaders: () => [...headers].map(([k, v]) => `${k}: ${v}\r\n`).join(''),
  });
}

const NO_RESPONSE: WireResponse = { status: 0, statusText: 'error', headers: {}, body: '' };

function isValidResponse(value: unknown): value is WireResponse {
  return (
    isRecord(value) &&
    typeof value.status === 'number' &&
    typeof value.statusText === 'string' &&
    isRecord(value.headers) &&
    (typeof value.body === 'string' || value.body instanceof ArrayBuffer)
  );
}

/**
 * Builds `AP.request`.
 *
 * @example
 * ```js
 * AP.request('/rest/api/3/myself').then(({ body }) => JSON.parse(body));
 * AP.request({ url: '/rest/api/3/issue', type: 'POST', contentType: 'application/json', data: { fields },
 *   success: (body, statusText, xhr) => {}, error: (xhr, statusText, errorThrown) => {} });
 * AP.request('/rest/api/3/attachment/content/1', { binaryAttachment: true }).then(({ body }) => body.byteLength);
 * ```
 */
export function createRequest(bridge: PluginBridge): RequestFunction {
  function request(first: unknown, second?: unknown): Promise<RequestResult<string | ArrayBuffer>> {
    const options = (typeof first === 'string' ? { ...(second as object), url: first } : { ...(first as object) }) as RequestOptions<
      string | ArrayBuffer
    > & { url: string };
    const method = (typeof options.type === 'string' ? options.type : 'GET').toUpperCase();
    const promise = (async (): Promise<RequestResult<string | ArrayBuffer>> => {
      let response = NO_RESPONSE;
      let err: unknown;
      try {
        // No call timeout: a request waits its turn in the host's per-app queue (1,000 at once are
        // ordinary), and the server may take long; the session's end still settles it.
        const value = await bridge.call(REQUEST_MODULE, RequestMethod.request, [toWire(options, method)], { timeout: 0 });
        if (!isValidResponse(value)) throw new BridgeError('HANDLER_FAILED', 'No response from the host');
        response = value;
        err = value.statusText;
      } catch (error) {
        err = error;
      }
      const { status, body } = response;
      const xhr = makeXhr(response);
      if ((status >= 200 && status < 300) || status === 304) {
        // jQuery's textStatus, which Connect passed through to `success`.
        const text = status === 204 || method === 'HEAD' ? 'nocontent' : status === 304 ? 'notmodified' : 'success';
        if (typeof options.success === 'function') safely(options.success.bind(options), body, text, xhr);
        return { body, xhr };
      }
      if (typeof options.error === 'function') safely(options.error.bind(options), xhr, 'error', err);
      throw { err, xhr } satisfies RequestFailure;
    })();
    // With an error callback the app handled the failure, Connect-style; awaiting still rejects.
    if (typeof options.error === 'function') promise.catch(() => {});
    return promise;
  }
  return request as RequestFunction;
}
