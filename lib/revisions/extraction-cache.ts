/**
 * The claims the pipeline found in a revision's text, kept on disk by the text's content hash so
 * the next import of that article re-reads only what changed (incremental-extraction.ts). A cache,
 * never a source of truth: entries carry a fingerprint of the pipeline's code and weights, and a
 * missing, stale or unreadable entry just means a full extraction. Local to this checkout
 * (node_modules/.cache, git-ignored), like the command bundles; another server simply misses.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { ExtractedClaim } from "@/lib/claims";
import { SEPARATOR, type PlainLayout } from "./plain-layout";

const DIR = path.resolve("node_modules", ".cache", "claimdesk", "extractions");
/**
 * What an entry depends on; the newest change under them invalidates every entry. The layout counts
 * plain text per section, so the way an article is cut into sections is part of it.
 */
const PIPELINE = ["lib/claims", "lib/anchoring/quote-selector.ts", "lib/revisions/article-sections.ts", "lib/revisions/plain-layout.ts", "models", "package-lock.json"];
/** Bytes of entries kept, newest first: a 2,000-claim article's entry is about 1 MB. */
const KEEP_BYTES = 128 * 1024 * 1024;

/** What the pipeline read in one text: its claims, and where its sections' words sit (null: unknown). */
export type CachedExtraction = { claims: ExtractedClaim[]; layout: PlainLayout | null };
type Entry = { fingerprint: string } & CachedExtraction;

/** The cached extraction of the text with `contentHash`, or null (none, stale, or caching is off). */
export function cachedExtraction(contentHash: string): CachedExtraction | null {
  const fingerprint = pipelineFingerprint();
  if (!fingerprint) return null;
  try {
    const entry = JSON.parse(readFileSync(fileOf(contentHash), "utf8")) as Entry;
    if (entry.fingerprint !== fingerprint || !Array.isArray(entry.claims)) return null;
    const layout = isLayout(entry.layout) ? entry.layout : null;
    return { claims: [...entry.claims], layout };
  } catch {
    return null;
  }
}

/** Keeps `extraction` as what the pipeline read in the text with `contentHash`; never throws. */
export function cacheExtraction(contentHash: string, { claims, layout }: { claims: readonly ExtractedClaim[]; layout: PlainLayout | null }): void {
  const fingerprint = pipelineFingerprint();
  if (!fingerprint) return;
  try {
    mkdirSync(DIR, { recursive: true });
    // Written beside and renamed into place: a reader never sees half an entry.
    const partial = `${fileOf(contentHash)}.${process.pid}.tmp`;
    writeFileSync(partial, JSON.stringify({ fingerprint, claims: [...claims], layout }));
    renameSync(partial, fileOf(contentHash));
    prune();
  } catch {
    // A cache that cannot be written costs the next import its speed, nothing else.
  }
}

/** A layout as plainLayout writes one: starts from 0, never falling, ending just past the plain text. */
function isLayout(layout: unknown): layout is PlainLayout {
  if (!layout || typeof layout !== "object") return false;
  const { plain, starts } = layout as Partial<PlainLayout>;
  if (typeof plain !== "string" || !Array.isArray(starts) || starts[0] !== 0) return false;
  if (!starts.every((s, i) => Number.isInteger(s) && (i === 0 || s >= starts[i - 1]!))) return false;
  return starts[starts.length - 1] === (plain === "" ? 0 : plain.length + SEPARATOR.length);
}

const fileOf = (contentHash: string) => path.join(DIR, `${contentHash.replace(/[^0-9a-f]/gi, "")}.json`);

/** Off with CLAIMDESK_EXTRACTION_CACHE=0, or where the pipeline's sources are not beside us. */
function pipelineFingerprint(): string | null {
  // turbopackIgnore: these paths are read at run time; traced, they made next build take in the whole project.
  if (process.env.CLAIMDESK_EXTRACTION_CACHE === "0" || !existsSync(path.resolve(/*turbopackIgnore: true*/ PIPELINE[0]!))) return null;
  return PIPELINE.map((p) => newest(path.resolve(/*turbopackIgnore: true*/ p))).join(":");
}

function newest(p: string): number {
  let stat;
  try {
    stat = statSync(p);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = stat.mtimeMs;
  for (const item of readdirSync(p)) max = Math.max(max, newest(path.join(p, item)));
  return max;
}

function prune(): void {
  const entries = readdirSync(DIR)
    .filter((f) => f.endsWith(".json"))
    .map((f) => ({ f, stat: statSync(path.join(DIR, f)) }))
    .sort((a, b) => b.stat.mtimeMs - a.stat.mtimeMs);
  let kept = 0;
  for (const { f, stat } of entries) {
    kept += stat.size;
    if (kept > KEEP_BYTES) rmSync(path.join(DIR, f), { force: true });
  }
}
