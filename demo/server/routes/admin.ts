import express, { type Request, type Response } from 'express';
import { DescriptorError } from '../descriptor.js';
import { descriptorOf, installIntoProduct, setEnabled, uninstall, type ProductInfo } from '../install.js';
import { pagePath } from '../moduleTypes.js';
import { adminAppsPage, messagePage } from '../pages.js';
import type { RenderPage } from '../render.js';

/** `/admin/...`: the site admin's pages. Installing, enabling and uninstalling apps live here. */
export function adminRouter(product: ProductInfo, page: RenderPage, options: { sampleDescriptor?: string; products?: readonly ProductInfo[] }): express.Router {
  const admin = express.Router();
  admin.use((req, res, next) => {
    if (!req.user!.siteAdmin) {
      res.status(403);
      return void page(req, res, { title: 'Forbidden', active: 'admin', body: messagePage('Admins only', 'Switch to the admin user to manage apps.') });
    }
    next();
  });
  const renderAdmin = (req: Request, res: Response, flash?: Parameters<typeof adminAppsPage>[1]): void =>
    page(req, res, { title: 'Manage apps', active: 'admin', body: adminAppsPage(product, flash, options.sampleDescriptor) });
  admin.get('/apps', (req, res) => renderAdmin(req, res));
  admin.post('/apps/install', async (req, res) => {
    const url = String((req.body as { url?: unknown }).url ?? '').trim();
    try {
      const { installation, product: into } = await installIntoProduct(options.products ?? [product], url);
      const descriptor = descriptorOf(installation);
      const start = into === product ? descriptor.modules.postInstallPage?.[0] : undefined;
      renderAdmin(req, res, {
        kind: 'ok',
        text: `Installed ${descriptor.name} (${installation.key})${into === product ? '' : ` into ${into.description.replace(/ \(.*\)$/, '')}`}.`,
        ...(start ? { link: { href: pagePath('admin', installation.key, start.key), text: `Get started with ${descriptor.name}` } } : {}),
        ...(into !== product ? { link: { href: `${into.contextPath}/admin/apps`, text: `Manage it there` } } : {}),
      });
    } catch (error) {
      res.status(400);
      const problems = error instanceof DescriptorError ? error.problems : undefined;
      renderAdmin(req, res, { kind: 'error', text: problems ? `The descriptor at ${url} is not valid:` : (error as Error).message, ...(problems ? { problems } : {}) });
    }
  });
  admin.post('/apps/:key/:action', async (req, res) => {
    const installation = product.store.installation(String(req.params.key));
    if (!installation) return void renderAdmin(req, res, { kind: 'error', text: `No app ${String(req.params.key)}` });
    const action = req.params.action;
    if (action === 'enable' || action === 'disable') await setEnabled(product, installation, action === 'enable');
    else if (action === 'uninstall') await uninstall(product, installation);
    else if (action === 'license') {
      const license = (req.body as { license?: unknown }).license === 'none' ? 'none' : 'active';
      product.store.updateInstallation(installation, { license });
    } else return void renderAdmin(req, res, { kind: 'error', text: 'Unknown action' });
    renderAdmin(req, res, { kind: 'ok', text: `${installation.key}: ${action} done.` });
  });
  return admin;
}
