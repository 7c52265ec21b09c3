/** A random handle id for notices and dialogs the app creates (unique per page; scoped by the host). */
export function handleId(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  let out = prefix;
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}

/**
 * For Connect methods that return a handle synchronously: the call's failure has no channel back to
 * the app, so it is reported on the console instead of surfacing as an unhandled rejection, and
 * `onFailure` runs (a notice whose creation failed gets its close event: it must not look alive).
 */
export function reportFailure(what: string, promise: Promise<unknown>, onFailure?: () => void): void {
  promise.catch((error: unknown) => {
    console.warn(`apbridge: ${what} failed:`, error instanceof Error ? error.message : error);
    onFailure?.();
  });
}
