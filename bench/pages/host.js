/* global APHost, Penpal, postRobot -- loaded by host.html before this script */
// Host side of the bench: one driver per library. `open()` inserts an app iframe and resolves once
// the first host-to-app call is answered (that span is the cold start); the handle then offers
// `call(value)` (host → app round trip) and `close()`.
(() => {
  const { now, wall, peer } = window.benchKit;
  const APP = new URLSearchParams(location.search).get('app');
  const HOST = location.origin;
  const container = document.getElementById('views');
  // The same sandbox tokens apbridge gives its iframes, so every library runs in the same kind of frame.
  // Delegates cross-origin isolation (fine-grained timers) to the app frames; see bench/server.mjs.
  const ALLOW = 'cross-origin-isolated';
  const SANDBOX = 'allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox allow-downloads';

  // Keeps the app site's renderer alive between views, so that a cold start measures the library and
  // not the spawning of a process (which a product page showing several apps rarely pays either).
  const keeper = document.createElement('iframe');
  keeper.src = `${APP}/bench/pages/blank.html`;
  keeper.hidden = true;
  document.body.append(keeper);

  function insert(lib) {
    const iframe = document.createElement('iframe');
    iframe.setAttribute('sandbox', SANDBOX);
    iframe.allow = ALLOW;
    iframe.src = `${APP}/bench/pages/${lib}.html?host=${encodeURIComponent(HOST)}`;
    container.append(iframe);
    return iframe;
  }

  // Raw postMessage and bare-port baselines: frames we created, origin-checked. An entry is found by
  // its iframe's window when a message comes, not keyed by it at insertion: reading `contentWindow`
  // just after inserting an iframe blocks the page until the frame exists (apbridge's host avoids it
  // too), and the floor must not pay what a host need not.
  const baseline = new Set();
  addEventListener('message', (event) => {
    let entry;
    for (const candidate of baseline) if (candidate.iframe.contentWindow === event.source) entry = candidate;
    if (!entry || event.origin !== APP) return;
    if (entry.kind === 'raw') {
      entry.peer.handle(event.data, (msg) => event.source.postMessage(msg, APP));
      entry.ready();
    } else if (event.data?.benchPort === 1 && event.ports[0] && !entry.peer) {
      const port = event.ports[0];
      entry.peer = peer((msg) => port.postMessage(msg));
      port.onmessage = (e) => entry.peer.handle(e.data, (msg) => port.postMessage(msg));
      entry.close = () => port.close();
      entry.ready();
    }
  });
  function baselineDriver(kind) {
    return async () => {
      const t0 = now();
      const insertedAt = wall();
      const iframe = insert(kind);
      const entry = { kind, iframe, close() {} };
      if (kind === 'raw') entry.peer = peer((msg) => iframe.contentWindow.postMessage(msg, APP));
      const ready = new Promise((resolve) => (entry.ready = resolve));
      baseline.add(entry);
      await ready;
      const call = (value) => entry.peer.call(value);
      await call(1);
      return { coldMs: now() - t0, insertedAt, call, iframe, close: () => (entry.close(), baseline.delete(entry), iframe.remove()) };
    };
  }

  const host = APHost.createHost({ iframe: { allow: ALLOW } });
  host.registerApp({ key: 'bench', baseUrl: APP });
  host.defineModule('bench', { echo: (_ctx, value) => value });

  postRobot.on('echo', { domain: APP }, ({ data }) => data);

  const drivers = {
    async apbridge() {
      const t0 = now();
      const insertedAt = wall();
      const view = host.create({ app: 'bench', moduleKey: 'main', url: '/bench/pages/apbridge.html' }, container);
      const call = (value) => view.call('bench', 'echo', value);
      await call(1);
      return { coldMs: now() - t0, insertedAt, call, iframe: view.iframe, close: () => view.destroy() };
    },
    async penpal() {
      const t0 = now();
      const insertedAt = wall();
      const iframe = insert('penpal');
      const messenger = new Penpal.WindowMessenger({ remoteWindow: iframe.contentWindow, allowedOrigins: [APP] });
      const connection = Penpal.connect({ messenger, methods: { echo: (value) => value } });
      const remote = await connection.promise;
      const call = (value) => remote.echo(value);
      await call(1);
      return { coldMs: now() - t0, insertedAt, call, iframe, close: () => (connection.destroy(), iframe.remove()) };
    },
    async postrobot() {
      const t0 = now();
      const insertedAt = wall();
      const iframe = insert('postrobot');
      // post-robot's send waits for the child window's hello itself; no separate handshake call.
      const call = (value) => postRobot.send(iframe.contentWindow, 'echo', value, { domain: APP }).then((r) => r.data);
      await call(1);
      return { coldMs: now() - t0, insertedAt, call, iframe, close: () => iframe.remove() };
    },
    raw: baselineDriver('raw'),
    channel: baselineDriver('channel'),
    zerortt: baselineDriver('zerortt'),
  };

  // `current` is the view host-to-app calls and the resize watch use: the last one opened. Several can
  // be open at once (the payload phase interleaves every library sample by sample).
  let current;
  const open = new Set();
  let resized;
  window.hostBench = {
    /** Opens `lib`'s app; resolves with the host-side cold start and the wall time of insertion. */
    async open(lib) {
      current = await drivers[lib]();
      open.add(current);
      return { coldMs: current.coldMs, insertedAt: current.insertedAt };
    },
    /** Closes every open view. */
    close() {
      for (const handle of open) handle.close();
      open.clear();
      current = undefined;
    },
    call: (value) => current.call(value),
    /** `n` create → first call answered → destroy cycles, `batch` at a time. */
    async cycles(lib, n, batch) {
      const t0 = now();
      for (let done = 0; done < n; done += batch) {
        const handles = await Promise.all(Array.from({ length: Math.min(batch, n - done) }, () => drivers[lib]()));
        for (const handle of handles) handle.close();
      }
      return now() - t0;
    },
    /** Arms a watch on the current iframe's height; `resized()` resolves with the wall time it changed. */
    watchResize() {
      const iframe = current.iframe;
      const before = iframe.getBoundingClientRect().height;
      resized = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if (iframe.getBoundingClientRect().height === before) return;
          observer.disconnect();
          resolve(performance.timeOrigin + performance.now());
        });
        observer.observe(iframe, { attributes: true, attributeFilter: ['style', 'height'] });
      });
    },
    resized: () => resized,
  };
})();
