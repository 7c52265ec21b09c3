/**
 * Decides whether a measured height should be sent. A page whose height follows its iframe's height
 * (`height: 100vh` plus a margin, say) grows by the same step every time the host applies a size;
 * after two such steps the guard settles at the last size. An A-B-A bounce (a scrollbar appearing
 * and going) settles likewise. Only changes with no DOM mutation behind them, measured in the same
 * flush that first saw the viewport at the size we sent, count as feedback: an app that really grows
 * or toggles its content (mutating the DOM), or grows later by itself, is always followed. No clock is
 * involved, so a slow host applying sizes late does not change the outcome.
 */
export interface SizeGuard {
  /**
   * `height` measured with the window `viewport` px tall; `mutated` when the DOM changed since the
   * last measure. Returns whether to send it. Measure on every viewport change too (a window
   * `resize`), so that growth coming later is not taken for the host's resize.
   */
  next(height: number, viewport: number, mutated?: boolean): boolean;
}

/** Flush anyway after this long when no animation frame came (throttled, off-screen iframe). */
const FALLBACK_MS = 100;

export function createSizeGuard(): SizeGuard {
  // The last two heights sent, newest first.
  let last: number | undefined;
  let before: number | undefined;
  let lastViewport: number | undefined;
  // While settled: the overflow (content minus viewport) that marked the feedback.
  let settled: number | undefined;

  return {
    next(height, viewport, mutated = false) {
      const viewportChanged = lastViewport !== undefined && viewport !== lastViewport;
      lastViewport = viewport;
      if (settled !== undefined) {
        if (height - viewport === settled && !mutated) return false;
        settled = undefined;
      }
      if (height === last) return false;
      // Our own resize was applied (the viewport is what we sent) and the content moved with it,
      // with no DOM change of the app's own in between.
      const followedUs = !mutated && viewportChanged && viewport === last;
      if (followedUs && before !== undefined) {
        // `viewport` is the last height sent.
        const sameStep = height - viewport === viewport - before;
        const bounce = height === before;
        if (sameStep || bounce) {
          settled = height - viewport;
          return false;
        }
      }
      before = last;
      last = height;
      return true;
    },
  };
}

/** The element whose size is the app's size: `.ac-content` as in Connect, else `body`. */
function target(doc: Document): Element | null {
  return doc.querySelector('.ac-content') ?? doc.body;
}

/** The height the iframe needs: the target's bottom edge in the document plus its bottom margin. */
export function contentHeight(win: Window): number {
  const element = target(win.document);
  if (!element) return 0;
  const rect = element.getBoundingClientRect();
  const margin = parseFloat(win.getComputedStyle(element).marginBottom) || 0;
  return Math.max(0, Math.ceil(rect.bottom + win.scrollY + margin));
}

/**
 * Watches the content and sends its height at most once per animation frame, shrinking as well as
 * growing. Returns a stop function; does nothing where ResizeObserver is absent.
 *
 * Chromium stops rendering (so ResizeObserver and requestAnimationFrame) in cross-origin iframes
 * that are off screen; a MutationObserver and a timer stand in so a panel below the fold still
 * gets its size before the user scrolls to it.
 */
export function startAutoresize(win: Window, send: (height: number) => void): () => void {
  // The app window's own constructors: the plugin may be bundled into another realm's code.
  const realm = win as Window & { ResizeObserver?: typeof ResizeObserver; MutationObserver?: typeof MutationObserver };
  const Observer = realm.ResizeObserver;
  if (typeof Observer !== 'function' || typeof win.requestAnimationFrame !== 'function') {
    return () => {};
  }
  const guard = createSizeGuard();
  let pending = false;
  let mutated = false;
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let observed: Element | null = null;

  const flush = (): void => {
    if (!pending) return;
    pending = false;
    win.cancelAnimationFrame(frame);
    clearTimeout(timer);
    watch();
    const height = contentHeight(win);
    const changed = mutated;
    mutated = false;
    if (guard.next(height, win.innerHeight, changed)) send(height);
  };
  const schedule = (): void => {
    if (pending) return;
    pending = true;
    frame = win.requestAnimationFrame(flush);
    timer = setTimeout(flush, FALLBACK_MS);
  };
  const observer = new Observer(schedule);
  const onMutation = (): void => {
    mutated = true;
    schedule();
  };
  const mutations = typeof realm.MutationObserver === 'function' ? new realm.MutationObserver(onMutation) : undefined;
  // The target may appear after the script ran (all.js is often in <head>); re-resolved every flush.
  function watch(): void {
    const current = target(win.document);
    if (current === observed) return;
    if (observed) observer.unobserve(observed);
    observed = current;
    if (current) observer.observe(current);
  }
  observer.observe(win.document.documentElement);
  // A viewport change alone may leave the content's box as it was: measure anyway (see SizeGuard).
  win.addEventListener('resize', schedule);
  mutations?.observe(win.document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
  watch();
  schedule();
  return () => {
    observer.disconnect();
    mutations?.disconnect();
    win.removeEventListener('resize', schedule);
    pending = false;
    win.cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
