/**
 * Contract of the `request` module: `AP.request(...)` in the app, a fetch on the product origin in
 * the host. The host encodes the body and validates everything.
 */

import type { MethodNames } from './types.js';

/** The module name on the wire. */
export const REQUEST_MODULE = 'request';

/** Method names, the same on the wire, in the host module and in the facade. */
export const RequestMethod = {
  request: 'request',
} as const satisfies MethodNames<RequestContract>;

/** The request module on the wire. */
export interface RequestContract {
  request(request: WireRequest): WireResponse;
}

/**
 * What the plugin sends: the app's options as given, the URL still relative to the product's context
 * path. The host encodes the body (form, JSON or multipart, as Connect's host did) and checks
 * everything again.
 */
export interface WireRequest {
  url: string;
  /** Upper-case HTTP method. */
  type: string;
  /**
   * The app's `data` in a one-item array: a string is the body (or, for GET and HEAD, the query) as
   * given; anything else the host encodes. Boxed so that an ArrayBuffer the app passes is copied, never
   * transferred away from it.
   */
  data?: [unknown];
  /** A FormData's entries (FormData itself does not cross a port): a multipart body. */
  form?: [string, string | Blob][];
  contentType?: string;
  headers?: Record<string, string>;
  /** `false` asks the host to bypass HTTP caches. */
  cache?: boolean;
  /** Opts in to experimental REST APIs (`X-ExperimentalApi: opt-in`). */
  experimental?: boolean;
  /** The body comes back as an ArrayBuffer (transferred) instead of text. */
  binaryAttachment?: boolean;
}

/** What the host answers for any HTTP status; only bridge refusals reject. */
export interface WireResponse {
  status: number;
  statusText: string;
  /** Lower-case names; only `content-type`, `etag` and the host's configured extras. */
  headers: Record<string, string>;
  body: string | ArrayBuffer;
}
