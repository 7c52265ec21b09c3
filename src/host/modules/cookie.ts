import type { CookieContract } from '../../shared/contracts/cookie.js';
import {
  COOKIE_MODULE,
  DEFAULT_COOKIE_DAYS,
  MAX_COOKIE_NAME,
  MAX_COOKIE_VALUE,
} from '../../shared/contracts/cookie.js';
import { BridgeError, ErrorCode } from '../../shared/errors.js';
import type { CallContext, ContractModule, HostOptions } from '../types.js';

const DAY = 86_400_000;
const MAX_DAYS = 3650;
const DEFAULT_MAX_PER_APP = 50;
const KEY_PREFIX = 'apbridge.cookies.';

/** name -> [value, expires at (ms since the epoch)] */
type Jar = Map<string, [string, number]>;

function checkName(name: unknown): string {
  if (typeof name !== 'string' || name.length === 0 || name.length > MAX_COOKIE_NAME) {
    throw new BridgeError(ErrorCode.INVALID_ARGUMENT, `A cookie name is a string of 1 to ${MAX_COOKIE_NAME} characters`);
  }
  return name;
}

function checkValue(value: unknown): string {
  // Connect wrote values with String(); keep that for primitives, refuse objects.
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
    throw new BridgeError(ErrorCode.INVALID_ARGUMENT, 'A cookie value is a string');
  }
  const text = String(value);
  if (text.length > MAX_COOKIE_VALUE) {
    throw new BridgeError(ErrorCode.PAYLOAD_TOO_LARGE, `A cookie value is at most ${MAX_COOKIE_VALUE} characters`);
  }
  return text;
}

function checkDays(days: unknown): number {
  if (days === undefined || days === null) return DEFAULT_COOKIE_DAYS;
  if (typeof days !== 'number' || !Number.isFinite(days)) {
    throw new BridgeError(ErrorCode.INVALID_ARGUMENT, 'Cookie expiry is a number of days');
  }
  return Math.min(days, MAX_DAYS);
}

/** The live cookies in `text`, and whether anything (expired, malformed) was left out. */
function parseJar(text: string | null, now: number): { jar: Jar; pruned: boolean } {
  const jar: Jar = new Map();
  if (!text) return { jar, pruned: false };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { jar, pruned: true };
  }
  if (!Array.isArray(data)) return { jar, pruned: true };
  for (const entry of data) {
    if (!Array.isArray(entry) || entry.length !== 3) continue;
    const [name, value, expires] = entry as unknown[];
    if (typeof name === 'string' && typeof value === 'string' && typeof expires === 'number' && expires > now) {
      jar.set(name, [value, expires]);
    }
  }
  return { jar, pruned: jar.size !== data.length };
}

function defaultStorage(options: HostOptions): Storage | null {
  try {
    return (options.window ?? globalThis).localStorage ?? null;
  } catch {
    // Blocked storage (privacy settings, sandboxed host) throws on access: fall back to memory.
    return null;
  }
}

/**
 * The `cookie` module: `AP.cookie.save/read/erase`, kept on the host origin. Each app has one storage
 * entry (`apbridge.cookies.<app key>`, app keys cannot contain a delimiter) holding its cookies as
 * a list of `[name, value, expires]`, read into a Map: no cookie name, whatever it contains, can
 * address another app's entry or an object prototype. Expired cookies are dropped when read. When
 * storage is missing or throws, cookies live in memory for the host's lifetime.
 *
 * @example
 * ```ts
 * const host = createHostCore({ modules: [cookieModule({ cookie: { storage: sessionStorage, maxPerApp: 20 } })] });
 * ```
 */
export function cookieModule(options: HostOptions = {}): ContractModule<CookieContract> {
  const storage = options.cookie?.storage === undefined ? defaultStorage(options) : options.cookie.storage;
  const maxPerApp = options.cookie?.maxPerApp ?? DEFAULT_MAX_PER_APP;
  const memory = new Map<string, string>();

  // `memory` holds only writes storage refused (or all of them without storage): those are newer
  // than what storage has, so they win; otherwise storage is read, so other tabs' writes are seen.
  function load(appKey: string, now: number): Jar {
    const key = KEY_PREFIX + appKey;
    let text = memory.get(key) ?? null;
    try {
      if (storage && text === null) text = storage.getItem(key);
    } catch {
      /* storage became unavailable: read as empty */
    }
    const { jar, pruned } = parseJar(text, now);
    if (pruned) store(appKey, jar);
    return jar;
  }

  function store(appKey: string, jar: Jar): void {
    const key = KEY_PREFIX + appKey;
    const text = JSON.stringify([...jar].map(([name, [value, expires]]) => [name, value, expires]));
    if (storage) {
      try {
        if (jar.size === 0) storage.removeItem(key);
        else storage.setItem(key, text);
        memory.delete(key);
        return;
      } catch {
        /* quota or blocked storage: keep working from memory */
      }
    }
    memory.set(key, text);
  }

  return {
    name: COOKIE_MODULE,
    methods: {
      save(ctx: CallContext, rawName: unknown, rawValue: unknown, rawDays?: unknown): void {
        const name = checkName(rawName);
        const value = checkValue(rawValue);
        const days = checkDays(rawDays);
        const now = Date.now();
        const jar = load(ctx.app.key, now);
        if (days <= 0) {
          jar.delete(name);
        } else {
          if (!jar.has(name) && jar.size >= maxPerApp) {
            throw new BridgeError(ErrorCode.QUOTA_EXCEEDED, `An app may keep at most ${maxPerApp} cookies`);
          }
          jar.set(name, [value, now + days * DAY]);
        }
        store(ctx.app.key, jar);
      },
      read(ctx: CallContext, rawName: unknown): string | undefined {
        const name = checkName(rawName);
        return load(ctx.app.key, Date.now()).get(name)?.[0];
      },
      erase(ctx: CallContext, rawName: unknown): void {
        const name = checkName(rawName);
        const jar = load(ctx.app.key, Date.now());
        jar.delete(name);
        store(ctx.app.key, jar);
      },
    },
  };
}
