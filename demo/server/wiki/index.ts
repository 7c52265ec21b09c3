import { join } from 'node:path';
import express, { type Request, type Response } from 'express';
import { restAuth } from '../auth.js';
import type { ProductInfo } from '../install.js';
import type { SigningKey } from '../jwt.js';
import { messagePage } from '../pages.js';
import { appPropertiesApi } from '../properties.js';
import { adminRouter } from '../routes/admin.js';
import { assetsRouter } from '../routes/assets.js';
import { requireLogin } from '../routes/session.js';
import { Store } from '../store.js';
import type { Wiki } from './content.js';
import { wikiDownloads, wikiRestApi, wikiRestV2 } from './rest.js';
import { wikiPagesRouter } from './routes.js';
import { WikiStore } from './store.js';
import { wikiRenderer } from './views.js';

export type { Wiki } from './content.js';

/**
 * Acme Wiki at `<product origin>/wiki`: a Connect product of its own (its own clientKey,
 * installations and shared secrets, in `<data dir>/wiki`), sharing the tracker's users, login and
 * install-signing key, as Confluence and Jira share an Atlassian Cloud site.
 */
export function createWiki(productUrl: string, dataDir: string, key: SigningKey): Wiki {
  const dir = join(dataDir, 'wiki');
  const product: ProductInfo = {
    baseUrl: `${productUrl}/wiki`,
    store: new Store(dir),
    key,
    productType: 'confluence',
    contextPath: '/wiki',
    description: 'Acme Wiki (apbridge host simulator)',
  };
  return { product, content: new WikiStore(dir) };
}

/** The wiki's routes, mounted at its context path by the product server. */
export function wikiApp(wiki: Wiki, options: { secret: string; origin: string; products: readonly ProductInfo[]; sampleDescriptor?: string }): express.Router {
  const router = express.Router();
  const { secret, origin } = options;
  const auth = restAuth(wiki.product.store, secret, origin, wiki.product.contextPath);
  const page = wikiRenderer(wiki);
  router.use(assetsRouter(wiki.product));
  router.use('/rest/api', auth, wikiRestApi(wiki));
  router.use('/api/v2', auth, wikiRestV2(wiki));
  router.use('/rest/atlassian-connect/1', auth, appPropertiesApi(wiki.product));
  router.use('/download', auth, wikiDownloads(wiki));

  router.use(requireLogin(secret, origin));
  router.use(express.urlencoded({ extended: false, limit: '6mb' }));
  router.use('/admin', adminRouter(wiki.product, page, { products: options.products, ...(options.sampleDescriptor ? { sampleDescriptor: options.sampleDescriptor } : {}) }));
  router.use(wikiPagesRouter(wiki, page));
  router.use((req: Request, res: Response) => {
    res.status(404);
    page(req, res, { title: 'Not found', active: '', body: messagePage('Page not found', `Nothing at ${req.originalUrl}.`) });
  });
  return router;
}
