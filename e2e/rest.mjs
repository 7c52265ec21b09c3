// A tiny product REST API for the data-module e2e specs, answered on host.test under /rest/e2e/.
// It echoes what reached it, so specs can assert on the headers and body the host really sent.

/** 256 bytes 0..255, so a binary download's bytes can be compared exactly. */
export const BINARY = Buffer.from(Array.from({ length: 256 }, (_, i) => i));

function readBody(req) {
  return new Promise((resolve) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

// Hits on /e2e-mark/<id>, a path outside /rest/: a spec redirects there and then asks whether any
// request really reached the server (the browser's own request log is not proof either way).
const marks = new Map();

/** Answers /rest/e2e/* and /e2e-mark/* requests; returns false for anything else. */
export async function restApi(req, res, url) {
  if (url.pathname.startsWith('/e2e-mark/')) {
    const id = url.pathname.slice('/e2e-mark/'.length);
    marks.set(id, (marks.get(id) ?? 0) + 1);
    res.writeHead(200, { 'content-type': 'text/plain' }).end('marked');
    return true;
  }
  if (!url.pathname.startsWith('/rest/e2e/')) return false;
  const route = url.pathname.slice('/rest/e2e/'.length);
  const send = (status, body, headers = {}) =>
    res.writeHead(status, { 'cache-control': 'no-store', 'x-internal': 'secret', ...headers }).end(body);
  if (route === 'echo') {
    const body = await readBody(req);
    send(200, JSON.stringify({ method: req.method, query: url.search, headers: req.headers, body: body.toString('latin1') }), {
      'content-type': 'application/json',
      etag: '"e2e"',
    });
  } else if (route.startsWith('status/')) {
    const code = Number(route.slice('status/'.length));
    send(code, JSON.stringify({ errorMessages: [`status ${code}`] }), { 'content-type': 'application/json' });
  } else if (route === 'binary') {
    send(200, BINARY, { 'content-type': 'application/octet-stream', 'content-length': String(BINARY.length) });
  } else if (route.startsWith('hits/')) {
    send(200, JSON.stringify({ hits: marks.get(route.slice('hits/'.length)) ?? 0 }), { 'content-type': 'application/json' });
  } else if (route === 'redirect') {
    send(302, '', { location: url.searchParams.get('to') ?? '/rest/e2e/echo' });
  } else {
    send(404, 'no such e2e route');
  }
  return true;
}
