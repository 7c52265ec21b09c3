// @vitest-environment node
// The installed command, as an app developer runs it: `node dist/simulator/start.js` (the package's
// `apbridge-simulator` bin), spawned against a small app server whose descriptor and `installed`
// answer each test sets. Runs against dist/, which `npm test` builds first.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

const BIN = 'dist/simulator/start.js';

interface Cli {
  child: ChildProcess;
  output(): string;
  /** Resolves with the output once it matches; rejects with the output if the process ends first. */
  waitFor(pattern: RegExp): Promise<string>;
  exited: Promise<number | null>;
}

const running: ChildProcess[] = [];
const dirs: string[] = [];
const servers: Server[] = [];

function cli(args: string[]): Cli {
  const dataDir = mkdtempSync(join(tmpdir(), 'apb-cli-'));
  dirs.push(dataDir);
  const child = spawn(process.execPath, [BIN, '--data-dir', dataDir, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, APB_APPS: '' } });
  running.push(child);
  let output = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer): void => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    output: () => output,
    exited,
    waitFor: (pattern) =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          if (pattern.test(output)) {
            listeners.delete(check);
            resolve(output);
          }
        };
        listeners.add(check);
        void exited.then((code) => reject(new Error(`exited with ${code} before ${pattern}:\n${output}`)));
        check();
      }),
  };
}

/** A free TCP port: listened on once and released. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** An app server whose descriptor and `installed` answer the test changes as it goes. */
async function appServer(port = 0): Promise<{ url: string; port: number; descriptor: Record<string, unknown>; installed: { status: number; body: string }; installs: number; server: Server }> {
  const state = {
    url: '',
    port: 0,
    descriptor: {} as Record<string, unknown>,
    installed: { status: 204, body: '' },
    installs: 0,
    server: createServer((req, res) => {
      if (req.method === 'GET' && req.url === '/atlassian-connect.json') {
        res.setHeader('content-type', 'application/json');
        return void res.end(JSON.stringify(state.descriptor));
      }
      if (req.method === 'POST' && req.url === '/installed') {
        state.installs += 1;
        res.statusCode = state.installed.status;
        return void res.end(state.installed.body);
      }
      res.statusCode = req.method === 'POST' ? 204 : 404;
      res.end();
    }),
  };
  servers.push(state.server);
  await new Promise<void>((resolve) => state.server.listen(port, '127.0.0.1', resolve));
  state.port = (state.server.address() as AddressInfo).port;
  state.url = `http://127.0.0.1:${state.port}/atlassian-connect.json`;
  state.descriptor = {
    key: 'cli-test-app',
    name: 'CLI test app',
    baseUrl: `http://127.0.0.1:${state.port}`,
    lifecycle: { installed: '/installed' },
    apiMigrations: { 'signed-install': true },
    scopes: ['READ'],
    modules: { generalPages: [{ key: 'main', name: { value: 'Main' }, url: '/main' }] },
  };
  return state;
}

beforeAll(() => {
  expect(existsSync(BIN), 'run `npm run build` first').toBe(true);
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((child) => (child.exitCode === null ? new Promise((resolve) => { child.once('exit', resolve); child.kill('SIGTERM'); }) : undefined)));
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); })));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('apbridge-simulator', () => {
  it('installs the app, prints where its modules render, and serves the product', async () => {
    const app = await appServer();
    const port = await freePort();
    const run = cli(['--port', String(port), '--app', app.url, '--user', 'alice', '--no-watch']);
    const out = await run.waitFor(/Log in:/);
    expect(out).toContain(`Installed CLI test app (cli-test-app) from ${app.url}`);
    expect(out).toContain(`generalPages main: http://127.0.0.1:${port}/login?user=alice&next=/plugins/servlet/ac/cli-test-app/main`);
    expect(out).not.toContain('Sample app');
    expect(app.installs).toBe(1);
    const response = await fetch(`http://127.0.0.1:${port}/atlassian-connect/all.js`);
    expect(response.status).toBe(200);
  });

  it('says when the descriptor cannot be fetched', async () => {
    const closed = await freePort();
    const run = cli(['--port', String(await freePort()), '--app', `http://127.0.0.1:${closed}/atlassian-connect.json`, '--no-watch']);
    const out = await run.waitFor(/Log in:/);
    expect(out).toContain(`Could not install http://127.0.0.1:${closed}/atlassian-connect.json: could not fetch`);
    expect(out).toContain('ECONNREFUSED');
  });

  it('lists every problem of an invalid descriptor with its JSON path', async () => {
    const app = await appServer();
    app.descriptor = { ...app.descriptor, key: 'bad key!', scopes: ['READ', 'WRIT'], modules: { generalPages: [{ name: 'x', url: 5 }] } };
    const run = cli(['--port', String(await freePort()), '--app', app.url, '--no-watch']);
    const out = await run.waitFor(/Log in:/);
    expect(out).toContain(`Could not install ${app.url}: the descriptor at ${app.url} is not valid`);
    expect(out).toMatch(/^ {2}\$\.key: must be 1-64 letters/m);
    expect(out).toMatch(/^ {2}\$\.scopes\[1\]: unknown scope "WRIT"/m);
    expect(out).toMatch(/^ {2}\$\.modules\.generalPages\[0\]\.key: /m);
    expect(out).toMatch(/^ {2}\$\.modules\.generalPages\[0\]\.url: must be a string/m);
    expect(app.installs).toBe(0);
  });

  it('shows the status and body of a failing installed callback', async () => {
    const app = await appServer();
    app.installed = { status: 500, body: 'Could not lookup stored client data: database is down' };
    const run = cli(['--port', String(await freePort()), '--app', app.url, '--no-watch']);
    const out = await run.waitFor(/Log in:/);
    expect(out).toContain(`The app refused the installed callback at http://127.0.0.1:${app.port}/installed: HTTP 500 "Could not lookup stored client data: database is down"`);
  });

  it('exits with a clear error when the port is in use', async () => {
    const app = await appServer();
    const run = cli(['--port', String(app.port), '--app', app.url]);
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain(`port ${app.port} (--port) is already in use (EADDRINUSE)`);
  });

  it('refuses an unknown user or flag with the usage', async () => {
    const run = cli(['--user', 'mallory']);
    expect(await run.exited).toBe(2);
    expect(run.output()).toContain('--user must be admin or alice, got "mallory"');
    expect(run.output()).toContain('Usage: apbridge-simulator');
  });

  it('re-installs a changed descriptor, shows added scopes to the admin, and re-installs an app that restarted', async () => {
    const app = await appServer();
    const port = await freePort();
    const product = `http://127.0.0.1:${port}`;
    const run = cli(['--port', String(port), '--app', app.url, '--watch-interval', '200']);
    await run.waitFor(/Watching the descriptor/);
    expect(app.installs).toBe(1);

    app.descriptor = {
      ...app.descriptor,
      scopes: ['READ', 'WRITE', 'DELETE'],
      modules: { generalPages: [{ key: 'main', name: { value: 'Main' }, url: '/main' }, { key: 'second', name: { value: 'Second' }, url: '/second' }] },
    };
    await run.waitFor(/Re-installed CLI test app/);
    await run.waitFor(/generalPages second:/);
    // Each line may arrive in a chunk of its own: wait for it rather than read what has come so far.
    const out = await run.waitFor(/The update asks for more/);
    expect(out).toContain(`The update asks for more: WRITE, DELETE (shown to the admin at ${product}/admin/apps)`);
    expect(app.installs).toBe(2);

    const login = await fetch(`${product}/login?user=admin&next=/admin/apps`, { redirect: 'manual' });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const admin = await (await fetch(`${product}/admin/apps`, { headers: { cookie } })).text();
    expect(admin).toMatch(/data-testid="added-scopes"><small>The update at [\d-]+ [\d:]+ added WRITE, DELETE/);

    // The app stops (an in-memory store forgets its tenants) and comes back: installed again.
    const appPort = app.port;
    await new Promise((resolve) => { app.server.closeAllConnections(); app.server.close(resolve); });
    await run.waitFor(/could not fetch/);
    const again = await appServer(appPort);
    again.descriptor = app.descriptor;
    await run.waitFor(/Re-installed CLI test app[\s\S]*Re-installed CLI test app/);
    expect(again.installs).toBe(1);
    expect(run.output().match(/could not fetch/g)).toHaveLength(1);
  });
});
