import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { ProductInfo } from '../install.js';

// The simulator runs from demo/ in a checkout and from dist/simulator/ when installed: the bundles are
// in the package root's dist/ either way, and the static files sit beside this file's parent folder.
const demoDir = fileURLToPath(new URL('../../', import.meta.url));
function packageRoot(from: string): string {
  return existsSync(join(from, 'package.json')) || dirname(from) === from ? from : packageRoot(dirname(from));
}
const root = packageRoot(demoDir);

/** The bundles, the product's static files, and the install-signing public key. No login needed. */
export function assetsRouter(product: ProductInfo): express.Router {
  const router = express.Router();
  // App iframes on any origin load all.js from the product, as they did from Connect.
  const cors = (_req: Request, res: Response, next: NextFunction): void => {
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('cache-control', 'no-cache');
    next();
  };
  router.get('/atlassian-connect/all.js', cors, (_req, res) => res.sendFile('dist/all.js', { root }));
  router.get('/atlassian-connect/all.js.map', cors, (_req, res) => res.sendFile('dist/all.js.map', { root }));
  router.get('/atlassian-connect/all.css', cors, (_req, res) => res.sendFile('public/connect-all.css', { root: demoDir }));
  router.use('/dist', cors, express.static(join(root, 'dist'), { etag: false }));
  router.use('/static', express.static(join(demoDir, 'public'), { etag: false }));

  router.get('/connect-keys/:kid', (req, res) => {
    // ACE expects the raw PEM body (it refuses JWK).
    if (req.params.kid !== product.key.kid) return void res.status(404).type('text/plain').send('Unknown key id');
    res.type('text/plain').send(product.key.publicPem);
  });
  return router;
}
