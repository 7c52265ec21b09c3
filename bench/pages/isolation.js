/* global APHost -- loaded by isolation.html before this script */
// Host side of the isolation bench. `?mode=apbridge`: an apbridge host (default limits) with a quiet
// app and a flooding app. `?mode=empty`: no bridge at all, the flooding frame and empty listeners on
// the window and on the port it floods: the cost of merely receiving the same flood, the floor for the
// host's own handling.
(() => {
  const params = new URLSearchParams(location.search);
  const QUIET = params.get('quiet');
  const FLOOD = params.get('flood');
  const mode = params.get('mode');
  const container = document.getElementById('views');
  const SANDBOX = 'allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox allow-downloads';
  const state = { sentinelAt: 0, lastAt: 0, received: 0, frames: undefined };

  // Registered before the host's own listener, so it sees every message in both modes alike. The
  // flood's last message may never come: a stopped app's page is unloaded, and the browser drops what
  // it had not delivered yet. So the time of the last flood message received is recorded too.
  addEventListener('message', (event) => {
    const data = event.data;
    if (!data) return;
    const now = performance.timeOrigin + performance.now();
    if (typeof data.junk === 'number') {
      state.received++;
      state.lastAt = now;
    }
    if (data.sentinel === 1) state.sentinelAt = state.lastAt = now;
  });

  let host;
  const views = {};
  if (mode === 'apbridge') {
    host = APHost.createHost({ iframe: { allow: 'cross-origin-isolated' } });
    host.defineModule('bench', { echo: (_ctx, value) => value });
    host.registerApp({ key: 'quiet', name: 'Quiet', baseUrl: QUIET });
    host.registerApp({ key: 'flood', name: 'Flood', baseUrl: FLOOD });
    views.quiet = host.create({ app: 'quiet', moduleKey: 'main', url: '/bench/pages/quiet.html' }, container);
    views.flood = host.create({ app: 'flood', moduleKey: 'main', url: '/bench/pages/flood.html' }, container);
  } else {
    // An empty listener for a window flood; for a port flood, the flooding page's port is welcomed
    // and read by an empty listener.
    addEventListener('message', (event) => {
      if (event.data?.type !== 'hello' || !event.ports[0]) return;
      event.ports[0].onmessage = () => {};
      event.ports[0].postMessage({ type: 'welcome' });
    });
    const iframe = document.createElement('iframe');
    iframe.name = JSON.stringify({ apb: 1, host: location.origin, channel: 'floor' });
    iframe.setAttribute('sandbox', SANDBOX);
    iframe.allow = 'cross-origin-isolated';
    iframe.src = `${FLOOD}/bench/pages/flood.html`;
    container.append(iframe);
  }

  window.iso = {
    /** Starts recording the longest gap between the host page's animation frames. */
    watchFrames() {
      const frames = { last: performance.now(), maxGap: 0, running: true };
      const tick = (t) => {
        frames.maxGap = Math.max(frames.maxGap, t - frames.last);
        frames.last = t;
        if (frames.running) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      state.frames = frames;
    },
    stopFrames() {
      state.frames.running = false;
      return state.frames.maxGap;
    },
    sentinelAt: () => state.sentinelAt,
    /** The last flood message received and how many were, for a drain that may end without its sentinel. */
    received: () => ({ lastAt: state.lastAt, count: state.received }),
    floodState: () => views.flood?.state ?? 'n/a',
  };
})();
