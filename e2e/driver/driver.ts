// The small surface the cross-engine specs are written against, so one spec runs in Chromium and
// Firefox (through Playwright) and in WebKitGTK (through WebDriver classic, see webkit.ts).
import type { Frame, Page } from '@playwright/test';

export type Engine = 'chromium' | 'firefox' | 'webkit';

/** A function run in a page: self-contained (it is serialised), one JSON-like argument. */
export type PageFn<A, R> = (arg: A) => R | Promise<R>;

export interface Scope {
  /** Runs `fn` in this document and returns its (awaited, JSON-like) result. */
  evaluate<R, A = undefined>(fn: PageFn<A, R>, arg?: A): Promise<R>;
  /** Resolves once `fn` returns something truthy in this document. */
  waitFor<A = undefined>(fn: PageFn<A, unknown>, arg?: A): Promise<void>;
  /** Clicks the first element matching `selector` (searched through open shadow roots) with real input. */
  click(selector: string): Promise<void>;
}

export interface DriverFrame extends Scope {
  /** The URL of the document the frame shows now. */
  url(): Promise<string>;
}

export interface Driver extends Scope {
  readonly engine: Engine;
  goto(url: string): Promise<void>;
  /** The iframe matching `selector` (searched through open shadow roots), once it exists. */
  frame(selector: string): Promise<DriverFrame>;
  /** The first iframe, at any depth below the top document, whose document URL starts with `prefix`. */
  frameAt(prefix: string): Promise<DriverFrame>;
}

const POLL_MS = 50;

/** Polls `probe` until it returns a value, within the test's own timeout. */
export async function until<T>(probe: () => Promise<T | undefined>): Promise<T> {
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

class PlaywrightFrame implements DriverFrame {
  constructor(private readonly target: Frame) {}
  evaluate<R, A = undefined>(fn: PageFn<A, R>, arg?: A): Promise<R> {
    return this.target.evaluate(fn as (arg: unknown) => R | Promise<R>, arg);
  }
  async waitFor<A = undefined>(fn: PageFn<A, unknown>, arg?: A): Promise<void> {
    await this.target.waitForFunction(fn as (arg: unknown) => unknown, arg, { polling: POLL_MS });
  }
  click(selector: string): Promise<void> {
    return this.target.locator(selector).first().click();
  }
  async url(): Promise<string> {
    return this.target.url();
  }
}

export class PlaywrightDriver extends PlaywrightFrame implements Driver {
  constructor(
    readonly page: Page,
    readonly engine: Engine,
  ) {
    super(page.mainFrame());
  }
  async goto(url: string): Promise<void> {
    await this.page.goto(url);
  }
  async frame(selector: string): Promise<DriverFrame> {
    const frame = await (await this.page.waitForSelector(selector)).contentFrame();
    if (!frame) throw new Error(`${selector} is not an iframe`);
    return new PlaywrightFrame(frame);
  }
  async frameAt(prefix: string): Promise<DriverFrame> {
    const frame = await until(async () => this.page.frames().find((f) => f !== this.page.mainFrame() && f.url().startsWith(prefix)));
    return new PlaywrightFrame(frame);
  }
}
