/** A random handle id for notices and dialogs the app creates (unique per page; scoped by the host). */
export function handleId(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  let out = prefix;
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}
