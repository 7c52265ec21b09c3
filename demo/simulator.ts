import type { Server } from 'node:http';
import type express from 'express';
import { sampleAppServer } from './app/server.js';
import type { SimulatorConfig } from './server/config.js';
import { BitbucketStore, installBitbucketApp } from './server/bitbucket/router.js';
import { installIntoProduct, type ProductInfo } from './server/install.js';
import { loadSigningKey } from './server/jwt.js';
import { productApp } from './server/product.js';
import { Store, USERS } from './server/store.js';
import { createWiki } from './server/wiki/index.js';

/** A running simulator: where it listens, and how to stop it. */
export interface Simulator {
  productUrl: string;
  /** Acme Wiki, on the product origin under its context path. */
  wikiUrl: string;
  appUrl: string | undefined;
  /** Problems met installing `--app` descriptors; the simulator keeps running without those apps. */
  installErrors: string[];
  close(): Promise<void>;
}

// Loopback only. `localhost` may resolve to ::1 or 127.0.0.1, so the app listens on both when it can.
function listen(app: express.Express, port: number, hosts: string[]): Promise<Server[]> {
  return Promise.all(
    hosts.map(
      (host, index) =>
        new Promise<Server | undefined>((resolve, reject) => {
          const server = app.listen(port, host);
          server.once('listening', () => resolve(server));
          server.once('error', (error: NodeJS.ErrnoException) => {
            if (index > 0 && (error.code === 'EADDRNOTAVAIL' || error.code === 'EAFNOSUPPORT')) resolve(undefined);
            else reject(error);
          });
        }),
    ),
  ).then((servers) => servers.filter((s): s is Server => s !== undefined));
}

/**
 * Starts the product (and, unless turned off, the sample app), then installs the sample app and every
 * `--app` descriptor. Re-installing at every start keeps apps' stored shared secrets in step.
 */
export async function startSimulator(config: SimulatorConfig): Promise<Simulator> {
  const productUrl = `http://127.0.0.1:${config.port}`;
  const appUrl = config.sampleApp ? `http://localhost:${config.appPort}` : undefined;
  const store = new Store(config.dataDir);
  const key = loadSigningKey(config.dataDir);
  const product: ProductInfo = { baseUrl: productUrl, store, key, productType: 'jira', contextPath: '', description: 'Acme Tracker (apbridge host simulator)' };
  const wiki = createWiki(productUrl, config.dataDir, key);
  const sampleDescriptor = appUrl ? `${appUrl}/atlassian-connect.json` : undefined;
  const wikiSampleDescriptor = appUrl ? `${appUrl}/confluence/atlassian-connect.json` : undefined;
  const bitbucketDescriptor = appUrl ? `${appUrl}/bitbucket-app/atlassian-connect.json` : undefined;
  const bitbucket = { store: new BitbucketStore(config.dataDir), ...(bitbucketDescriptor ? { sampleDescriptor: bitbucketDescriptor } : {}) };
  const servers: Server[] = [];
  const options = { wiki, bitbucket, ...(sampleDescriptor ? { sampleDescriptor } : {}), ...(wikiSampleDescriptor ? { wikiSampleDescriptor } : {}) };
  servers.push(...(await listen(productApp(product, options), config.port, ['127.0.0.1'])));
  if (appUrl) {
    const app = sampleAppServer({ origin: appUrl, keysUrl: `${productUrl}/connect-keys` });
    servers.push(...(await listen(app, config.appPort, ['127.0.0.1', '::1'])));
  }
  const installErrors: string[] = [];
  for (const url of [...(sampleDescriptor ? [sampleDescriptor] : []), ...(wikiSampleDescriptor ? [wikiSampleDescriptor] : []), ...config.apps]) {
    try {
      await installIntoProduct([product, wiki.product], url);
    } catch (error) {
      installErrors.push(`${url}: ${(error as Error).message}`);
    }
  }
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
    installErrors,
    close: () =>
      Promise.all(servers.map((s) => new Promise<void>((resolve) => {
        s.closeAllConnections();
        s.close(() => resolve());
      }))).then(() => undefined),
  };
}
