/**
 * Contract of the `request` module: `AP.request(...)` in the app, a fetch on the product origin in
 * the host. The plugin encodes the body; the host validates everything again.
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

/** One part of a `multipart/form-data` body: a text field, or a Blob/File (structured-cloned). */
export type WirePart = { name: string; value: string } | { name: string; blob: Blob; filename?: string };

/** What the plugin sends: the URL still relative to the product's context path. */
export interface WireRequest {
  url: string;
  /** Upper-case HTTP method. */
  type: string;
  /** An encoded text body (form-encoded, JSON, or the app's own string). */
  data?: string;
  /** A multipart body; the host rebuilds a FormData (and its boundary) from these. */
  parts?: WirePart[];
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
