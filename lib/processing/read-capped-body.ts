import { AppError } from "@/lib/errors";

/**
 * A request's body as bytes, never more than `maxBytes` of it: a declared Content-Length over the
 * cap is refused before reading, and a body without one (chunked) is read only until it passes the
 * cap, then cancelled. `tooLarge` words the refusal, given the declared size or null when the read passed the cap.
 */
export async function readCappedBytes(request: Request, maxBytes: number, tooLarge: (size: number | null) => AppError): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("content-length"));
  if (request.headers.get("content-length") !== null && Number.isFinite(declared) && declared > maxBytes) throw tooLarge(declared);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(null);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
