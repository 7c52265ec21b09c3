// WebKitGTK for the e2e suite: MiniBrowser under its own Xvfb, driven by WebKitWebDriver in WebDriver
// classic mode (WebKitGTK 2.50 has no BiDi; frame switching works). *.test reaches the fixture
// server because the session's HTTP proxy is the fixture server itself (it serves absolute-URI
// requests by their Host header, as it serves every *.test site).
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { remote } from 'webdriverio';
import { MINIBROWSER_PATH } from './launch.js';
import { until, type Driver, type DriverFrame, type PageFn } from './driver.js';

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
type ElementRef = { [ELEMENT]: string };
type Browser = Awaited<ReturnType<typeof remote>>;

/** One Xvfb display and one WebKitWebDriver per Playwright worker. */
export interface WebKitServer {
  port: number;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill();
  });
}

export async function startWebKitServer(): Promise<WebKitServer> {
  // -displayfd: Xvfb picks a free display and writes its number, so parallel checkouts never collide.
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  const display = await new Promise<string>((resolve, reject) => {
    let out = '';
    xvfb.stdio[3]!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(`:${out.trim()}`);
    });
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited with ${code}`)));
  });
  const port = await freePort();
  const driver = spawn('WebKitWebDriver', [`--port=${port}`], { stdio: 'ignore', env: { ...process.env, DISPLAY: display } });
  await until(
    () =>
      new Promise<true | undefined>((resolve) => {
        fetch(`http://127.0.0.1:${port}/status`).then(
          (res) => resolve(res.ok ? true : undefined),
          () => resolve(undefined),
        );
      }),
  );
  return {
    port,
    stop: async () => {
      await stopChild(driver);
      await stopChild(xvfb);
    },
  };
}

/** A fresh MiniBrowser session (fresh, ephemeral profile) on `server`, with *.test proxied to `proxyPort`. */
export async function openWebKit(server: WebKitServer, proxyPort: number): Promise<WebKitDriver> {
  const capabilities = {
    browserName: 'MiniBrowser',
    'wdio:enforceWebDriverClassic': true,
    'webkitgtk:browserOptions': { binary: MINIBROWSER_PATH, args: ['--automation'] },
    proxy: { proxyType: 'manual' as const, httpProxy: `127.0.0.1:${proxyPort}` },
  };
  // switchToFrame is the WebDriver classic command itself; WebdriverIO's suggested switchFrame
  // prefers BiDi, which WebKitGTK does not speak.
  process.env.DISABLE_WEBDRIVERIO_DEPRECATION_WARNINGS ??= 'true';
  const browser = await remote({ hostname: '127.0.0.1', port: server.port, logLevel: 'error', automationProtocol: 'webdriver', capabilities });
  await browser.setWindowSize(1100, 720);
  return new WebKitDriver(browser);
}

// undefined does not survive WebDriver's JSON (it becomes null): results are encoded in the page.
const UNDEFINED = '__apb_undefined__';

function script(fn: string): string {
  return `const fn = ${fn};
    const arg = JSON.parse(arguments[0]);
    return Promise.resolve(fn(arg === '${UNDEFINED}' ? undefined : arg))
      .then((value) => JSON.stringify(value === undefined ? '${UNDEFINED}' : value, (k, v) => (v === undefined ? '${UNDEFINED}' : v)));`;
}

function decode(json: string): unknown {
  return JSON.parse(json, (_k, v: unknown) => (v === UNDEFINED ? undefined : v));
}

/** Finds the first match of a CSS selector through open shadow roots (runs in the page). */
const DEEP_QUERY = `
  const walk = (root) => {
    const hit = root.querySelector(arguments[0]);
    if (hit) return hit;
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) { const found = walk(el.shadowRoot); if (found) return found; }
    }
    return null;
  };
  return walk(document);`;

const ALL_IFRAMES = `
  const out = [];
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.tagName === 'IFRAME') out.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  return out;`;

/** Where a frame is: the element references to switch through, from the top document down. */
type FramePath = () => Promise<ElementRef[]>;

class WebKitScope {
  constructor(
    protected readonly browser: Browser,
    protected readonly path: FramePath,
  ) {}

  /** Runs `body` with this scope's document as the WebDriver current browsing context. */
  protected async within<T>(body: () => Promise<T>): Promise<T> {
    const path = await this.path();
    await this.browser.switchToFrame(null);
    try {
      for (const ref of path) await this.browser.switchToFrame(ref);
      return await body();
    } finally {
      await this.browser.switchToFrame(null);
    }
  }

  evaluate<R, A = undefined>(fn: PageFn<A, R>, arg?: A): Promise<R> {
    return this.within(async () => {
      const json: string = await this.browser.executeScript(script(fn.toString()), [JSON.stringify(arg === undefined ? UNDEFINED : arg)]);
      return decode(json) as R;
    });
  }

  async waitFor<A = undefined>(fn: PageFn<A, unknown>, arg?: A): Promise<void> {
    // A document being replaced mid-poll (navigation, reload) is not an answer yet.
    await until(async () => ((await this.evaluate(fn, arg).catch(() => false)) ? true : undefined));
  }

  async click(selector: string): Promise<void> {
    await this.within(async () => {
      const ref = await until(async () => ((await this.browser.executeScript(DEEP_QUERY, [selector])) as ElementRef | null) ?? undefined);
      await this.browser.elementClick(ref[ELEMENT]);
    });
  }
}

class WebKitFrame extends WebKitScope implements DriverFrame {
  url(): Promise<string> {
    return this.evaluate(() => location.href);
  }
}

export class WebKitDriver extends WebKitScope implements Driver {
  readonly engine = 'webkit';

  constructor(browser: Browser) {
    super(browser, async () => []);
  }

  async goto(url: string): Promise<void> {
    await this.browser.navigateTo(url);
  }

  async frame(selector: string): Promise<DriverFrame> {
    const locate = async () => [await until(async () => ((await this.browser.executeScript(DEEP_QUERY, [selector])) as ElementRef | null) ?? undefined)];
    await this.within(locate);
    return new WebKitFrame(this.browser, async () => {
      await this.browser.switchToFrame(null);
      return locate();
    });
  }

  async frameAt(prefix: string): Promise<DriverFrame> {
    // Element references are per document, so each is found from the top again when used.
    const search = async (path: number[]): Promise<number[] | undefined> => {
      const count = ((await this.browser.executeScript(ALL_IFRAMES, [])) as ElementRef[]).length;
      for (let i = 0; i < count; i++) {
        const iframes = (await this.browser.executeScript(ALL_IFRAMES, [])) as ElementRef[];
        await this.browser.switchToFrame(iframes[i]!);
        const href = (await this.browser.executeScript('return location.href', [])) as string;
        const found = href.startsWith(prefix) ? [...path, i] : await search([...path, i]);
        await this.browser.switchToParentFrame();
        if (found) return found;
      }
      return undefined;
    };
    const indexes = await until(() => this.within(() => search([])));
    return new WebKitFrame(this.browser, async () => {
      await this.browser.switchToFrame(null);
      const refs: ElementRef[] = [];
      for (const i of indexes) {
        const ref = ((await this.browser.executeScript(ALL_IFRAMES, [])) as ElementRef[])[i]!;
        refs.push(ref);
        await this.browser.switchToFrame(ref);
      }
      await this.browser.switchToFrame(null);
      return refs;
    });
  }

  close(): Promise<void> {
    return this.browser.deleteSession();
  }
}
