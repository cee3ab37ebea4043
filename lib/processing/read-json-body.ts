/**
 * A route handler's JSON body, read with the limits a hostile client needs: a size cap while
 * reading (413, not a buffered gigabyte), JSON or a 400 that says so, and a nesting cap before the
 * body reaches zod or any code that walks it recursively (a 100,000-deep array). Each refusal is an
 * AppError, so the route wrapper answers it with its status and sentence.
 */
import { AppError } from "@/lib/errors";
import { readCappedBytes } from "./read-capped-body";

/** Options for {@link readJsonBody}. */
export type JsonBodyLimits = {
  /** Largest body accepted, in bytes; 64 KiB by default, far above any request of ours. */
  maxBytes?: number;
  /** Deepest nesting of arrays and objects accepted; 32 by default. */
  maxDepth?: number;
  /** An example of the expected body, for the 400 message (`{"reviewId": "…"}`). */
  example?: string;
};

/** Reads, caps, parses and depth-checks `request`'s JSON body (see above). */
export async function readJsonBody(request: Request, limits: JsonBodyLimits = {}): Promise<unknown> {
  const { maxBytes = 64 * 1024, maxDepth = 32, example } = limits;
  const text = await readCapped(request, maxBytes);
  const expected = example ? ` like ${example}` : "";
  if (text.trim() === "") throw new AppError("BAD_INPUT", `The request body is empty; send JSON${expected}.`);
  const depth = nestingDepth(text);
  if (depth > maxDepth) throw new AppError("BAD_INPUT", `The request body nests arrays or objects ${depth} levels deep; the limit is ${maxDepth}.`);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new AppError("BAD_INPUT", `The request body is not valid JSON (${(error as Error).message}); send JSON${expected}.`);
  }
}

async function readCapped(request: Request, maxBytes: number): Promise<string> {
  const bytes = await readCappedBytes(request, maxBytes, (size) => new AppError("TOO_LARGE", `The request body is ${size === null ? `over ${formatSize(maxBytes)}` : formatSize(size)}; the limit is ${formatSize(maxBytes)}.`));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("BAD_INPUT", "The request body is not valid UTF-8 text.");
  }
}

/** The deepest nesting of `[`/`{` in `text`, strings skipped; one pass, before any parsing. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) deepest = Math.max(deepest, ++depth);
    else if (c === 93 || c === 125) depth--;
  }
  return deepest;
}

/** "64 KiB", "6 MiB", "812 bytes". */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}
