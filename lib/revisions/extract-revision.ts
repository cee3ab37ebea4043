import { extractClaimsWithPlainText, type ExtractedClaim } from "@/lib/claims";
import type { Database } from "@/lib/db/create-database";
import { articleSections } from "./article-sections";
import { cachedExtraction, cacheExtraction } from "./extraction-cache";
import { extractIncrementally } from "./incremental-extraction";
import { plainLayout, type PlainLayout } from "./plain-layout";

/** The article's latest revision before this import, when it has one. */
export type PreviousRevision = { id: string; contentHash: string };

/** A revision's claims, with where its sections' words sit when known (kept for the next import). */
export type RevisionExtraction = { claims: ExtractedClaim[]; layout: PlainLayout | null };

/**
 * The claims of a new revision's Markdown, as extractClaims finds them. When the previous revision's
 * extraction is in the cache, only the sections that changed are read again
 * (incremental-extraction.ts; same answer, a fraction of the time on a long article); otherwise the
 * whole text is, and its layout is taken from the same parse.
 */
export async function extractRevisionClaims(
  db: Database,
  { markdown, previous }: { markdown: string; previous: PreviousRevision | null },
): Promise<RevisionExtraction> {
  const earlier = previous ? cachedExtraction(previous.contentHash) : null;
  if (previous && earlier) {
    // Without a layout (an upload's worker keeps none; some texts have none) unchanged sections are
    // read to place them, and the next import gets no layout either: still far less than a full read.
    const old = await db.revision.findUnique({ where: { id: previous.id }, select: { text: true } });
    const incremental = old ? extractIncrementally(old.text, earlier.claims, markdown, earlier.layout) : null;
    if (incremental) return incremental;
  }
  const { claims, plain } = extractClaimsWithPlainText(markdown);
  const sections = articleSections(markdown);
  return { claims, layout: sections && plainLayout(markdown, sections, plain) };
}

/** Keeps a revision's extraction for the next import of its article (see extraction-cache.ts). */
export function rememberRevisionClaims(contentHash: string, extraction: RevisionExtraction): void {
  cacheExtraction(contentHash, extraction);
}
