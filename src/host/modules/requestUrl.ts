import { BridgeError, ErrorCode } from '../../shared/errors.js';

/** Where requests may go: the product origin, its context path, and the allowed path prefixes. */
export interface RequestTarget {
  origin: string;
  /** '' or a path like '/jira' (no trailing slash). */
  contextPath: string;
  /** Prefixes relative to the context path, e.g. '/rest/'. */
  allowedPaths: readonly string[];
}

const MAX_URL = 8192;
// Tabs and newlines are stripped by the URL parser ('.\t.' becomes '..'), and other controls are
// never legitimate in a REST path, so any of them refuses the request outright.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;
// After one decode a segment must not still hold an encoded dot or separator: servers and proxies
// that decode twice would otherwise see a traversal the first check could not.
const ENCODED_AGAIN = /%(2e|2f|5c)/i;

function refuse(message: string): never {
  throw new BridgeError(ErrorCode.NOT_ALLOWED, message);
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return refuse('The request path has a malformed escape');
  }
}

/** True when `path` (relative to the context path) is under `prefix`, on a segment boundary. */
function underPrefix(path: string, prefix: string): boolean {
  const p = prefix.startsWith('/') ? prefix : `/${prefix}`;
  return p.endsWith('/') ? path.startsWith(p) : path === p || path.startsWith(`${p}/`);
}

/**
 * Turns an app-supplied request URL into an absolute URL on the product origin, or throws NOT_ALLOWED
 * before anything touches the network. The URL must be a path (not absolute, not `//host`, no
 * backslashes or control characters), relative to the context path, with no `.`/`..` segment in any
 * spelling (`%2e%2e`, `%2E.`, double-encoded, `..;param`), under one of the allowed prefixes; the
 * parsed result is checked again so that the parser's own normalisation cannot move it elsewhere.
 */
export function resolveRequestUrl(raw: unknown, target: RequestTarget): URL {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_URL) {
    throw new BridgeError(ErrorCode.INVALID_ARGUMENT, 'The request URL must be a non-empty string');
  }
  if (CONTROL.test(raw)) refuse('The request URL contains control characters');
  if (raw.includes('\\')) refuse('The request URL contains a backslash');
  if (!raw.startsWith('/') || raw.startsWith('//')) {
    refuse('The request URL must be a path relative to the product (absolute URLs are refused)');
  }
  const end = raw.search(/[?#]/);
  const path = end < 0 ? raw : raw.slice(0, end);
  for (const segment of path.split('/')) {
    const decoded = decodeSegment(segment);
    // Servlet containers (Tomcat, so Jira and Confluence) drop `;params` from a segment before
    // normalising, so `/rest/..;/admin` reaches `/admin` there: the part before `;` is what counts.
    const bare = decoded.split(';', 1)[0];
    if (bare === '.' || bare === '..' || decoded.includes('/') || decoded.includes('\\')) {
      refuse('The request path may not contain dot segments or encoded separators');
    }
    if (ENCODED_AGAIN.test(decoded) || CONTROL.test(decoded)) refuse('The request path is encoded more than once');
  }
  if (!target.allowedPaths.some((prefix) => underPrefix(path, prefix))) {
    refuse(`The request path is not under an allowed prefix (${target.allowedPaths.join(', ')})`);
  }
  const url = new URL(target.contextPath + raw, target.origin);
  url.hash = '';
  const relative = url.pathname.slice(target.contextPath.length);
  if (
    url.origin !== target.origin ||
    !url.pathname.startsWith(target.contextPath) ||
    !target.allowedPaths.some((prefix) => underPrefix(relative, prefix))
  ) {
    refuse('The request URL resolves outside the allowed paths');
  }
  return url;
}

/** The app-relative form of an absolute product URL (for re-checking a redirect), or null. */
export function relativeToContext(url: URL, target: RequestTarget): string | null {
  if (url.origin !== target.origin || !url.pathname.startsWith(`${target.contextPath}/`)) return null;
  return url.pathname.slice(target.contextPath.length) + url.search;
}
