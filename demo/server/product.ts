import express, { type Request, type Response } from 'express';
import { restApi } from './api.js';
import { restAuth, sessionSecret } from './auth.js';
import type { ProductInfo } from './install.js';
import { messagePage } from './pages.js';
import { bitbucketRouter, type BitbucketStore } from './bitbucket/router.js';
import { appPropertiesApi } from './properties.js';
import { pageRenderer } from './render.js';
import { adminRouter } from './routes/admin.js';
import { appPagesRouter } from './routes/appPages.js';
import { assetsRouter } from './routes/assets.js';
import { bridgeRouter } from './routes/bridge.js';
import { dashboardRouter } from './routes/dashboard.js';
import { workflowRouter } from './routes/workflow.js';
import { issuesRouter } from './routes/issues.js';
import { requireLogin, sessionRouter } from './routes/session.js';
import { wikiApp, type Wiki } from './wiki/index.js';

/**
 * The product's HTTP server, one router per concern: bundles and keys, login, the REST API, the
 * product's own pages, the app pages the module-type table places, the host's signing endpoints,
 * and the admin area. `sampleDescriptor` pre-fills the admin install form.
 */
export function productApp(
  product: ProductInfo,
  options: { sampleDescriptor?: string; wiki?: Wiki; wikiSampleDescriptor?: string; bitbucket?: { store: BitbucketStore; sampleDescriptor?: string } } = {},
): express.Express {
  const app = express();
  const origin = new URL(product.baseUrl).origin;
  const secret = sessionSecret(product.store.dir);
  const page = pageRenderer(product);
  app.disable('x-powered-by');
  app.set('etag', false);
  // The product frames apps, never the other way round: no page of it may be framed by another site.
  app.use((_req, res, next) => {
    res.setHeader('content-security-policy', "frame-ancestors 'self'");
    res.setHeader('x-frame-options', 'SAMEORIGIN');
    next();
  });

  // Every product installs a descriptor into whichever of them its modules belong to.
  const products = [product, ...(options.wiki ? [options.wiki.product] : [])];
  if (options.wiki) {
    app.use(options.wiki.product.contextPath, wikiApp(options.wiki, { secret, origin, products, ...(options.wikiSampleDescriptor ? { sampleDescriptor: options.wikiSampleDescriptor } : {}) }));
  }
  app.use(assetsRouter(product));
  app.use(sessionRouter(secret));
  app.use('/rest/api/3', restAuth(product.store, secret, origin), restApi(product));
  app.use('/rest/atlassian-connect/1', restAuth(product.store, secret, origin), appPropertiesApi(product));

  // Acme Code (Bitbucket Cloud): its own pages, REST API and installs under /bitbucket.
  if (options.bitbucket) app.use('/bitbucket', bitbucketRouter({ productBaseUrl: product.baseUrl, secret, ...options.bitbucket }));

  app.use(requireLogin(secret, origin));
  app.use(express.urlencoded({ extended: false, limit: '64kb' }));
  app.use(issuesRouter(product, page));
  app.use(bridgeRouter(product));
  app.use(dashboardRouter(product, page));
  app.use('/admin', adminRouter(product, page, { ...options, products }));
  // After the admin router, whose guard answers non-admins for every /admin path.
  app.use('/admin/workflows', workflowRouter(product, page));
  app.use(appPagesRouter(product, page));

  app.use((req: Request, res: Response) => {
    res.status(404);
    page(req, res, { title: 'Not found', active: '', body: messagePage('Page not found', `Nothing at ${req.path}.`) });
  });
  return app;
}
