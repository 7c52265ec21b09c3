// Shared by the data-module tests: a link whose `ap` carries the typed facades, and a fake fetch.
import type { HostOptions } from '../src/host/types.js';
import type { buildAP } from '../src/plugin/ap.js';
import { link, type LinkOptions } from './link.js';

export type AP = ReturnType<typeof buildAP>['ap'];

export async function linked(hostOptions: HostOptions = {}, options: Omit<LinkOptions, 'hostOptions'> = {}) {
  const l = link({ ...options, hostOptions: options.host ? undefined : hostOptions });
  await l.connected;
  return { ...l, ap: l.ap as AP };
}

export interface FetchCall {
  url: string;
  init: RequestInit;
  headers: Record<string, string>;
}

/** A fetch that records calls and answers with `respond` (default 200 JSON). */
export function fakeFetch(respond: (url: string, init: RequestInit) => Response | Promise<Response> = () => json({ ok: true })) {
  const calls: FetchCall[] = [];
  const fn = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = String(input);
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((v, k) => (headers[k.toLowerCase()] = v));
    calls.push({ url, init, headers });
    return respond(url, init);
  };
  return { calls, fetch: fn as typeof fetch };
}

export function json(value: unknown, init: ResponseInit = {}): Response {
  return new Response(JSON.stringify(value), {
    status: 200,
    ...init,
    headers: { 'content-type': 'application/json', etag: '"v1"', 'x-secret': 's3cr3t', ...init.headers },
  });
}
