import { randomBytes } from 'node:crypto';
import { DescriptorError, productTypeOf, validateDescriptor, type Descriptor, type LifecycleEvent, type ProductType } from './descriptor.js';
import { signForApp, signInstallCallback, type SigningKey } from './jwt.js';
import { matchesJql } from './jql.js';
import type { Installation, Issue, Store } from './store.js';

const FETCH_TIMEOUT = 10_000;

/** What installing needs to know about the product. */
export interface ProductInfo {
  /** With the context path, e.g. `http://127.0.0.1:4000/wiki`. */
  baseUrl: string;
  store: Store;
  key: SigningKey;
  /** Connect's `productType` in lifecycle callbacks; also which descriptors install here. */
  productType: ProductType;
  /** The Connect context path (`cp`): '' for the tracker, '/wiki' for the wiki. */
  contextPath: string;
  /** The `description` of lifecycle callbacks. */
  description: string;
}

/** The descriptor of an installation, validated again (it was valid when stored). */
export function descriptorOf(installation: Installation): Descriptor {
  return validateDescriptor(installation.descriptor);
}

/** Fetches and validates an app descriptor; errors say what is wrong in words an app developer can act on. */
export async function fetchDescriptor(url: string): Promise<Descriptor> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DescriptorError([`"${url}" is not a URL`]);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new DescriptorError(['the descriptor URL must be http(s)']);
  let response: Response;
  try {
    response = await fetch(parsed, { signal: AbortSignal.timeout(FETCH_TIMEOUT), headers: { accept: 'application/json' } });
  } catch (error) {
    // Node's fetch says only "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND, a timeout) is its cause.
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new DescriptorError([`could not fetch ${url}: ${cause?.code ?? cause?.message ?? (error as Error).message} (is the app running?)`]);
  }
  if (!response.ok) throw new DescriptorError([`fetching ${url} answered HTTP ${response.status}`]);
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new DescriptorError([`${url} did not return JSON`]);
  }
  return validateDescriptor(json);
}

function lifecycleBody(product: ProductInfo, descriptor: Descriptor, sharedSecret: string, eventType: LifecycleEvent): Record<string, unknown> {
  return {
    key: descriptor.key,
    clientKey: product.store.clientKey,
    sharedSecret,
    serverVersion: '100000',
    pluginsVersion: '1001.0.0',
    baseUrl: product.baseUrl,
    displayUrl: product.baseUrl,
    productType: product.productType,
    description: product.description,
    eventType,
  };
}

/**
 * POSTs one lifecycle callback. `installed`/`uninstalled` are signed RS256 with the simulator's key
 * (Connect's signed install); `enabled`/`disabled` HS256 with the shared secret, as Connect does.
 * Returns the HTTP status; throws when the app cannot be reached.
 */
async function callback(product: ProductInfo, descriptor: Descriptor, sharedSecret: string, event: LifecycleEvent): Promise<{ status: number; detail?: string } | null> {
  const path = descriptor.lifecycle[event];
  if (!path) return null;
  const url = descriptor.baseUrl + path;
  const token =
    event === 'installed' || event === 'uninstalled'
      ? signInstallCallback(product.key, product.store.clientKey, descriptor.baseUrl, url)
      : signForApp({ sharedSecret, clientKey: product.store.clientKey, request: { method: 'POST', url, appBaseUrl: descriptor.baseUrl } });
  let status: number | 'error' = 'error';
  let detail: string | undefined;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `JWT ${token}`, 'user-agent': 'Atlassian Connect (apbridge simulator)' },
      body: JSON.stringify(lifecycleBody(product, descriptor, sharedSecret, event)),
      signal: AbortSignal.timeout(FETCH_TIMEOUT),
    });
    status = response.status;
    if (!response.ok) detail = (await response.text()).slice(0, 300);
    return { status, ...(detail ? { detail } : {}) };
  } catch (error) {
    detail = (error as Error).message;
    throw new Error(`The app's ${event} callback at ${url} failed: ${detail}`);
  } finally {
    product.store.recordDelivery({ at: new Date().toISOString(), appKey: descriptor.key, kind: event, url, status, ...(detail ? { detail } : {}) });
  }
}

/**
 * Installs (or re-installs) the app at `descriptorUrl`: fetch, validate, POST `installed`, store.
 * A re-install keeps the shared secret, as a product re-installing an app on the same site may.
 */
export async function install(product: ProductInfo, descriptorUrl: string, fetched?: Descriptor): Promise<Installation> {
  const descriptor = fetched ?? (await fetchDescriptor(descriptorUrl));
  const wanted = productTypeOf(descriptor);
  if (wanted !== product.productType) throw new DescriptorError([`the descriptor declares ${wanted} modules; it cannot be installed into ${product.description}`]);
  const previous = product.store.installation(descriptor.key);
  const sharedSecret = previous?.sharedSecret ?? randomBytes(32).toString('base64url');
  const answer = await callback(product, descriptor, sharedSecret, 'installed');
  if (answer !== null && (answer.status < 200 || answer.status >= 300)) {
    throw new Error(`The app refused the installed callback at ${descriptor.baseUrl}${descriptor.lifecycle.installed}: HTTP ${answer.status}${answer.detail ? ` "${answer.detail}"` : ''}`);
  }
  const before = previous ? descriptorOf(previous).scopes : [];
  const installation: Installation = {
    key: descriptor.key,
    descriptorUrl,
    descriptor: descriptor.raw,
    sharedSecret,
    enabled: true,
    license: previous?.license ?? 'active',
    installedAt: new Date().toISOString(),
  };
  // An update that asks for more than the admin granted before is flagged until the next install.
  const addedScopes = previous ? descriptor.scopes.filter((scope) => !before.includes(scope)) : [];
  if (addedScopes.length > 0) installation.addedScopes = addedScopes;
  product.store.putInstallation(installation);
  await callback(product, descriptor, sharedSecret, 'enabled').catch(() => null);
  return installation;
}

/**
 * Installs the app at `descriptorUrl` into the one of `products` its modules belong to (Connect
 * descriptors are written for one product), and says which product that was.
 */
export async function installIntoProduct(products: readonly ProductInfo[], descriptorUrl: string): Promise<{ installation: Installation; product: ProductInfo }> {
  const descriptor = await fetchDescriptor(descriptorUrl);
  const wanted = productTypeOf(descriptor);
  const product = products.find((p) => p.productType === wanted);
  if (!product) throw new DescriptorError([`the descriptor declares ${wanted} modules and the simulator has no such product`]);
  return { installation: await install(product, descriptorUrl, descriptor), product };
}

export async function setEnabled(product: ProductInfo, installation: Installation, enabled: boolean): Promise<void> {
  product.store.updateInstallation(installation, { enabled });
  await callback(product, descriptorOf(installation), installation.sharedSecret, enabled ? 'enabled' : 'disabled').catch(() => null);
}

export async function uninstall(product: ProductInfo, installation: Installation): Promise<void> {
  const descriptor = descriptorOf(installation);
  if (installation.enabled) await callback(product, descriptor, installation.sharedSecret, 'disabled').catch(() => null);
  await callback(product, descriptor, installation.sharedSecret, 'uninstalled').catch(() => null);
  product.store.removeInstallation(installation.key);
}

/**
 * Sends `event` (e.g. `jira:issue_created`) to every enabled app that declared a webhook for it,
 * JWT-signed with its shared secret. A declaration's `filter` (JQL) is matched against `issue`;
 * `excludeBody: true` sends no body. Fire and forget: deliveries are logged, never awaited by the
 * request that caused them.
 */
export function fireWebhook(product: ProductInfo, event: string, payload: Record<string, unknown>, issue?: Issue): void {
  for (const installation of product.store.installations()) {
    if (!installation.enabled) continue;
    const descriptor = descriptorOf(installation);
    for (const hook of descriptor.modules.webhooks ?? []) {
      if (hook.event !== event || typeof hook.url !== 'string') continue;
      if (typeof hook.filter === 'string' && hook.filter.trim() && issue && !matchesJql(issue, hook.filter)) continue;
      const url = descriptor.baseUrl + hook.url;
      const token = signForApp({
        sharedSecret: installation.sharedSecret,
        clientKey: product.store.clientKey,
        request: { method: 'POST', url, appBaseUrl: descriptor.baseUrl },
      });
      const withBody = hook.excludeBody !== true;
      void fetch(url, {
        method: 'POST',
        headers: { authorization: `JWT ${token}`, ...(withBody ? { 'content-type': 'application/json' } : {}) },
        ...(withBody ? { body: JSON.stringify({ timestamp: Date.now(), webhookEvent: event, ...payload }) } : {}),
        signal: AbortSignal.timeout(FETCH_TIMEOUT),
      }).then(
        (response) => product.store.recordDelivery({ at: new Date().toISOString(), appKey: installation.key, kind: event, url, status: response.status }),
        (error: Error) => product.store.recordDelivery({ at: new Date().toISOString(), appKey: installation.key, kind: event, url, status: 'error', detail: error.message }),
      );
    }
  }
}
