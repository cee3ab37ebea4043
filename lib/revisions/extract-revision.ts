import { extractClaims, type ExtractedClaim } from "@/lib/claims";
import type { Database } from "@/lib/db/create-database";
import { cachedClaims, cacheClaims } from "./extraction-cache";
import { extractIncrementally } from "./incremental-extraction";

/** The article's latest revision before this import, when it has one. */
export type PreviousRevision = { id: string; contentHash: string };

/**
 * The claims of a new revision's Markdown, as extractClaims finds them. When the previous revision's
 * claims are in the extraction cache, only the sections that changed are read again
 * (incremental-extraction.ts; same answer, a fraction of the time on a long article); otherwise the
 * whole text is.
 */
export async function extractRevisionClaims(
  db: Database,
  { markdown, previous }: { markdown: string; previous: PreviousRevision | null },
): Promise<ExtractedClaim[]> {
  const earlier = previous ? cachedClaims(previous.contentHash) : null;
  if (previous && earlier) {
    const old = await db.revision.findUnique({ where: { id: previous.id }, select: { text: true } });
    const claims = old ? extractIncrementally(old.text, earlier, markdown) : null;
    if (claims) return claims;
  }
  return extractClaims(markdown, { format: "markdown" }).claims;
}

/** Keeps a revision's claims for the next import of its article (see extraction-cache.ts). */
export function rememberRevisionClaims(contentHash: string, claims: readonly ExtractedClaim[]): void {
  cacheClaims(contentHash, claims);
}
