import type { Database } from "@/lib/db/create-database";
import { refreshArticleMatches } from "./refresh";

/**
 * Matching an imported article's claims, as the import asks: at once (the import returns once its
 * claims are matched: the command line, setup, tests) or later (the import returns when its claims
 * are written, and matching goes on in this process; a claim opened before it ends is matched then,
 * by refreshClaimMatches). Matches are derived data, so a failure is logged, never thrown: the
 * import stands, and the claims are matched again when opened.
 */
export type MatchingMode = "wait" | "later";

const running = new Set<Promise<void>>();

/** Whether imports match their claims (off only to measure what matching costs: CLAIMDESK_MATCH_ON_IMPORT=0). */
export function matchingOnImport(): boolean {
  return process.env.CLAIMDESK_MATCH_ON_IMPORT !== "0";
}

/** Matches the current claims of an imported article, now or later (see MatchingMode). */
export async function matchImportedArticle(db: Database, articleId: string, mode: MatchingMode = "wait"): Promise<void> {
  if (!matchingOnImport()) return;
  const job = refreshArticleMatches(db, { articleId }).catch((error: unknown) => {
    console.error(`Matching the claims of article ${articleId} against earlier checks failed:`, error);
  });
  if (mode === "wait") return job;
  running.add(job);
  void job.finally(() => running.delete(job));
}

/** Resolves when every matching started "later" in this process has ended (for scripts and tests). */
export async function matchingSettled(): Promise<void> {
  await Promise.all([...running]);
}
