import type { Server } from 'node:http';
import type express from 'express';
import { sampleAppServer } from './app/server.js';
import type { SimulatorConfig } from './server/config.js';
import { BitbucketStore, installBitbucketApp } from './server/bitbucket/router.js';
import { descriptorOf, type ProductInfo } from './server/install.js';
import { loadSigningKey } from './server/jwt.js';
import { productApp } from './server/product.js';
import { Store, USERS } from './server/store.js';
import { createWiki } from './server/wiki/index.js';
import { moduleLocations, type ModuleLocation } from './locate.js';
import { watchDescriptors, type InstallEvent } from './watch.js';

export type { InstallEvent } from './watch.js';
export type { ModuleLocation } from './locate.js';
export type { SimulatorConfig } from './server/config.js';

/** A running simulator: where it listens, what it installed, and how to stop it. */
export interface Simulator {
  productUrl: string;
  /** Acme Wiki, on the product origin under its context path. */
  wikiUrl: string;
  appUrl: string | undefined;
  /** What happened to each descriptor at start (the sample app's first). */
  installs: InstallEvent[];
  /** Problems met installing descriptors; the simulator keeps running without those apps. */
  installErrors: string[];
  /** Where an installed app's module renders without a click (full pages, issue panels, dashboard items). */
  locate(moduleKey: string, appKey?: string): (ModuleLocation & { app: string }) | undefined;
  close(): Promise<void>;
}

/** The port a server could not listen on; `code` is Node's (`EADDRINUSE`, `EACCES`). */
export class PortError extends Error {
  readonly code: string;
  readonly port: number;
  constructor(port: number, flag: string, code: string) {
    super(code === 'EADDRINUSE'
      ? `port ${port} (${flag}) is already in use (EADDRINUSE): stop what holds it or choose another with ${flag}`
      : `cannot listen on port ${port} (${flag}): ${code}`);
    this.code = code;
    this.port = port;
  }
}

function closeAll(servers: Server[]): Promise<void> {
  return Promise.all(servers.map((s) => new Promise<void>((resolve) => {
    s.closeAllConnections();
    s.close(() => resolve());
  }))).then(() => undefined);
}

// Loopback only. `localhost` may resolve to ::1 or 127.0.0.1, so the app listens on both when it can.
function listen(app: express.Express, port: number, hosts: string[], flag: string): Promise<Server[]> {
  return Promise.allSettled(
    hosts.map(
      (host, index) =>
        new Promise<Server | undefined>((resolve, reject) => {
          const server = app.listen(port, host);
          server.once('listening', () => resolve(server));
          server.once('error', (error: NodeJS.ErrnoException) => {
            if (index > 0 && (error.code === 'EADDRNOTAVAIL' || error.code === 'EAFNOSUPPORT')) resolve(undefined);
            else reject(new PortError(port, flag, error.code ?? error.message));
          });
        }),
    ),
  ).then(async (results) => {
    const servers = results.flatMap((r) => (r.status === 'fulfilled' && r.value ? [r.value] : []));
    const failure = results.find((r) => r.status === 'rejected');
    if (failure) {
      await closeAll(servers);
      throw failure.reason;
    }
    return servers;
  });
}

/**
 * Starts the product (and, when asked, the sample app), then installs the sample app and every
 * `--app` descriptor, reporting each outcome to `report`. Re-installing at every start keeps apps'
 * stored shared secrets in step. With `config.watch`, `--app` descriptors are then polled and
 * re-installed when they change. A port that cannot be listened on rejects with {@link PortError}.
 */
export async function startSimulator(config: SimulatorConfig, report: (event: InstallEvent) => void = () => {}): Promise<Simulator> {
  const productUrl = `http://127.0.0.1:${config.port}`;
  const appUrl = config.sampleApp ? `http://localhost:${config.appPort}` : undefined;
  const store = new Store(config.dataDir);
  const key = loadSigningKey(config.dataDir);
  const product: ProductInfo = { baseUrl: productUrl, store, key, productType: 'jira', contextPath: '', description: 'Acme Tracker (apbridge host simulator)' };
  const wiki = createWiki(productUrl, config.dataDir, key);
  // A descriptor goes into whichever product its modules belong to (Acme Tracker or Acme Wiki).
  const products = [product, wiki.product];
  const sampleDescriptor = appUrl ? `${appUrl}/atlassian-connect.json` : undefined;
  const wikiSampleDescriptor = appUrl ? `${appUrl}/confluence/atlassian-connect.json` : undefined;
  const bitbucketDescriptor = appUrl ? `${appUrl}/bitbucket-app/atlassian-connect.json` : undefined;
  const bitbucket = { store: new BitbucketStore(config.dataDir), ...(bitbucketDescriptor ? { sampleDescriptor: bitbucketDescriptor } : {}) };
  const options = { wiki, bitbucket, ...(sampleDescriptor ? { sampleDescriptor } : {}), ...(wikiSampleDescriptor ? { wikiSampleDescriptor } : {}) };
  const servers: Server[] = [];
  servers.push(...(await listen(productApp(product, options), config.port, ['127.0.0.1'], '--port')));
  if (appUrl) {
    const app = sampleAppServer({ origin: appUrl, keysUrl: `${productUrl}/connect-keys` });
    try {
      servers.push(...(await listen(app, config.appPort, ['127.0.0.1', '::1'], '--app-port')));
    } catch (error) {
      await closeAll(servers);
      throw error;
    }
  }
  const samples = [...(sampleDescriptor ? [sampleDescriptor] : []), ...(wikiSampleDescriptor ? [wikiSampleDescriptor] : [])];
  const sample = samples.length > 0 ? watchDescriptors(products, samples, report) : undefined;
  const apps = watchDescriptors(products, config.apps, report);
  const installs = [...((await sample?.installAll()) ?? []), ...(await apps.installAll())];
  if (config.watch && config.apps.length > 0) apps.start(config.watchInterval);
  const installErrors = installs.flatMap((e) => (e.kind === 'failed' ? [`${e.url}: ${[e.message, ...e.problems].join('\n  ')}`] : []));
  // The Bitbucket sample app goes into Acme Code's workspace, installed by the site admin.
  if (bitbucketDescriptor) {
    try {
      await installBitbucketApp({ baseUrl: `${productUrl}/bitbucket`, store: bitbucket.store }, bitbucketDescriptor, USERS.find((u) => u.siteAdmin) ?? USERS[0]!);
    } catch (error) {
      installErrors.push(`${bitbucketDescriptor}: ${(error as Error).message}`);
    }
  }
  return {
    productUrl,
    wikiUrl: wiki.product.baseUrl,
    appUrl,
    installs,
    installErrors,
    locate(moduleKey, appKey) {
      for (const installed of products) {
        for (const installation of installed.store.installations()) {
          if (appKey !== undefined && installation.key !== appKey) continue;
          const found = moduleLocations(descriptorOf(installation), installed).find((m) => m.key === moduleKey);
          if (found) return { ...found, app: installation.key };
        }
      }
      return undefined;
    },
    close: () => {
      apps.stop();
      return closeAll(servers);
    },
  };
}
