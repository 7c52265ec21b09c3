// Static server for the bench: the built bundles, the bench pages and the peers' own browser builds.
// Chromium maps *.test to 127.0.0.1, so one loopback server answers both sites.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.map': 'application/json' };

/** The peers as their READMEs offer them for a plain <script> tag. */
export const vendor = {
  'penpal.min.js': 'node_modules/penpal/dist/penpal.min.js',
  'post-robot.min.js': 'node_modules/post-robot/dist/post-robot.min.js',
};
const mounts = { '/dist/': 'dist', '/bench/pages/': 'bench/pages' };

function pathFor(pathname) {
  if (pathname.startsWith('/vendor/')) {
    const file = vendor[pathname.slice('/vendor/'.length)];
    return file && join(root, file);
  }
  const mount = Object.keys(mounts).find((prefix) => pathname.startsWith(prefix));
  if (!mount) return undefined;
  const base = join(root, mounts[mount]);
  const file = normalize(join(base, pathname.slice(mount.length)));
  return file.startsWith(base) ? file : undefined;
}

/** Starts the server on 127.0.0.1:`port`; resolves with a `close()`. */
export function serve(port) {
  const server = createServer(async (req, res) => {
    const file = pathFor(new URL(req.url ?? '/', 'http://x').pathname);
    const body = file && (await readFile(file).catch(() => undefined));
    if (!body) return void res.writeHead(404).end('not found');
    // Cacheable, as a CDN-served bundle would be: cold start then measures the library, not this server.
    res.writeHead(200, {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'max-age=3600',
      // Cross-origin isolation on both sites: without it Chromium coarsens performance.now() to 100 µs,
      // the size of a whole round trip. It changes no messaging path; the iframe stays out of process.
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
      'cross-origin-resource-policy': 'cross-origin',
    });
    res.end(body);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok({ close: () => new Promise((done) => server.close(done)) }));
  });
}
