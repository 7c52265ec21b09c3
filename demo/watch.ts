import { DescriptorError, type Descriptor } from './server/descriptor.js';
import { descriptorOf, fetchDescriptor, installIntoProduct, type ProductInfo } from './server/install.js';
import { moduleLocations, type ModuleLocation } from './locate.js';

/** What happened to one `--app` descriptor: reported at start and after every change the watch sees. */
export type InstallEvent =
  | {
      kind: 'installed';
      url: string;
      key: string;
      name: string;
      /** A re-install of an app this data directory had installed before. */
      update: boolean;
      /** Scopes the update asks for that the app did not have. */
      addedScopes: string[];
      pages: ModuleLocation[];
    }
  | {
      kind: 'failed';
      url: string;
      message: string;
      /** Each problem of an invalid descriptor, led by its JSON path; empty for other failures. */
      problems: string[];
    };

function signature(event: InstallEvent & { kind: 'failed' }): string {
  return `failed:${event.message}\n${event.problems.join('\n')}`;
}

function failed(url: string, error: unknown): InstallEvent & { kind: 'failed' } {
  // Validation problems start with their JSON path; a descriptor that could not be fetched is one sentence.
  if (error instanceof DescriptorError && error.problems.every((p) => p.startsWith('$'))) {
    return { kind: 'failed', url, message: `the descriptor at ${url} is not valid`, problems: error.problems };
  }
  return { kind: 'failed', url, message: error instanceof DescriptorError ? error.problems.join('; ') : (error as Error).message, problems: [] };
}

function installedFrom(products: readonly ProductInfo[], url: string) {
  for (const product of products) {
    const found = product.store.installations().find((i) => i.descriptorUrl === url);
    if (found) return found;
  }
  return undefined;
}

async function installOne(products: readonly ProductInfo[], url: string): Promise<InstallEvent> {
  try {
    const update = installedFrom(products, url) !== undefined;
    const { installation, product } = await installIntoProduct(products, url);
    const descriptor = descriptorOf(installation);
    return { kind: 'installed', url, key: installation.key, name: descriptor.name, update, addedScopes: installation.addedScopes ?? [], pages: moduleLocations(descriptor, product) };
  } catch (error) {
    return failed(url, error);
  }
}

/** Installs the `--app` descriptors and keeps them installed as they change. */
export interface DescriptorWatch {
  /** Installs every descriptor now (at start, to keep stored shared secrets in step with the app). */
  installAll(): Promise<InstallEvent[]>;
  /** Polls every `interval` ms from now on. */
  start(interval: number): void;
  stop(): void;
}

/**
 * Re-installs a descriptor when it differs from the version last acted on, as Connect's re-install
 * (and Bitbucket's "Update") do, and when the app comes back after being unreachable (an app that
 * restarted may have lost its installation, e.g. with an in-memory store). Polling, not a file watch:
 * the descriptor is a URL, and frameworks fill in `baseUrl` as they serve it. A failure is reported
 * once, and a version that failed to install is not retried until it changes.
 */
export function watchDescriptors(products: readonly ProductInfo[], urls: readonly string[], report: (event: InstallEvent) => void): DescriptorWatch {
  const lastSeen = new Map<string, string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const act = async (url: string): Promise<InstallEvent> => {
    const event = await installOne(products, url);
    report(event);
    return event;
  };
  const check = async (url: string): Promise<void> => {
    let descriptor: Descriptor;
    try {
      descriptor = await fetchDescriptor(url);
    } catch (error) {
      const event = failed(url, error);
      if (lastSeen.get(url) !== signature(event)) report(event);
      lastSeen.set(url, signature(event));
      return;
    }
    const version = JSON.stringify(descriptor.raw);
    if (lastSeen.get(url) === version) return;
    lastSeen.set(url, version);
    await act(url);
  };
  const tick = async (interval: number): Promise<void> => {
    for (const url of urls) if (!stopped) await check(url);
    if (!stopped) timer = setTimeout(() => void tick(interval), interval);
  };
  return {
    async installAll() {
      const events: InstallEvent[] = [];
      for (const url of urls) {
        const event = await act(url);
        const installed = installedFrom(products, url);
        lastSeen.set(url, event.kind === 'failed' ? signature(event) : JSON.stringify(installed?.descriptor));
        events.push(event);
      }
      return events;
    },
    start(interval) {
      stopped = false;
      timer = setTimeout(() => void tick(interval), interval);
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
