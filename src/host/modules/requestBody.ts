import { BridgeError, ErrorCode } from '../../shared/errors.js';

function tooLarge(max: number): BridgeError {
  return new BridgeError(ErrorCode.PAYLOAD_TOO_LARGE, `The response body is over ${max} bytes`);
}

/**
 * Reads a response body into exactly-sized bytes, giving up (and cancelling the download) as soon as
 * it passes `max`: a declared Content-Length over the cap is refused before reading at all.
 */
export async function readBody(response: Response, max: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) {
    await response.body?.cancel().catch(() => {});
    throw tooLarge(max);
  }
  if (!response.body) {
    const buffer = await response.arrayBuffer();
    if (buffer.byteLength > max) throw tooLarge(max);
    return new Uint8Array(buffer);
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => {});
      throw tooLarge(max);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
