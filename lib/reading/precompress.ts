import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

/** The content codings the reading view keeps precompressed, in the order it prefers them. */
export const CODINGS = ["br", "gzip"] as const;
export type Coding = (typeof CODINGS)[number];

/** One cached page compressed once per coding (as is, it is sent from the cached halves). */
export type Precompressed = Record<Coding, Uint8Array>;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Compresses a page once, off the event loop (zlib's thread pool), for every request of the same
 * version to share. Brotli at quality 6 and gzip at level 6: the higher levels save a few percent
 * more on a multi-megabyte page for several times the CPU, paid again on every approval.
 */
export async function precompress(bytes: Uint8Array): Promise<Precompressed> {
  const [br, gz] = await Promise.all([
    brotli(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 6,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength,
      },
    }),
    gzipAsync(bytes, { level: 6 }),
  ]);
  return { br, gzip: gz };
}

/**
 * The coding to send for an Accept-Encoding header (RFC 9110 §12.5.3): the first of {@link CODINGS}
 * the client accepts with a non-zero q (`*` stands for any not named), or null for the bytes as
 * they are. Preference is ours, not the client's q order: browsers list codings with equal q.
 */
export function chooseCoding(acceptEncoding: string | null): Coding | null {
  if (!acceptEncoding) return null;
  const q = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(",")) {
    const [name, ...params] = part.trim().split(";");
    if (!name) continue;
    const weight = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    q.set(name.trim(), weight === undefined ? 1 : Number(weight));
  }
  const any = q.get("*");
  return CODINGS.find((coding) => (q.get(coding) ?? any ?? 0) > 0) ?? null;
}
