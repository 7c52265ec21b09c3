// Static server for the e2e fixtures. Chromium maps *.test to 127.0.0.1, so one server answers every
// site (host.test, app-a.test, app-b.test, evil.test) and the Host header tells them apart.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { restApi } from './rest.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const port = Number(process.env.E2E_PORT ?? 4173);
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
};
const mounts = { '/dist/': 'dist', '/fixtures/': 'e2e/fixtures' };

createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  if (await restApi(req, res, url)) return;
  const mount = Object.keys(mounts).find((prefix) => url.pathname.startsWith(prefix));
  if (!mount) {
    res.writeHead(404).end('not found');
    return;
  }
  const base = join(root, mounts[mount]);
  const file = normalize(join(base, url.pathname.slice(mount.length)));
  if (!file.startsWith(base)) {
    res.writeHead(403).end();
    return;
  }
  try {
    if (!statSync(file).isFile()) throw new Error('not a file');
  } catch {
    res.writeHead(404).end('not found');
    return;
  }
  res.writeHead(200, {
    'content-type': types[extname(file)] ?? 'application/octet-stream',
    'cache-control': 'no-store',
    'access-control-allow-origin': '*',
  });
  createReadStream(file).pipe(res);
}).listen(port, '127.0.0.1', () => console.log(`e2e fixtures on http://127.0.0.1:${port}`));
