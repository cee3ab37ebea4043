import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Database } from "@/lib/db/create-database";
import { ClaimKind, ClaimState, Verdict } from "@/lib/domain/vocabulary";
import type { SignedInViewer } from "./claim-rules";
import { readEnum } from "./json-columns";
import { GetWorkbenchInput } from "./schemas";

/** One line of the workbench's claim list: what the list, its filters and the marks need, no more. */
export type ClaimListEntry = {
  id: string;
  kind: ClaimKind;
  text: string;
  state: ClaimState;
  score: number;
  speaker: string | null;
  assigneeId: string | null;
  sourceStart: number;
  sourceEnd: number;
  /** Every verdict given so far, one per review that has one (the verdict filter looks at all). */
  verdicts: Verdict[];
  /** The viewer's own verdict. */
  myVerdict: Verdict | null;
};

type ListRow = {
  id: string;
  revisionId: string;
  kind: string;
  text: string;
  state: string;
  score: number;
  speaker: string | null;
  assigneeId: string | null;
  sourceStart: number;
  sourceEnd: number;
};

type ReviewRow = { claimId: string; reviewerId: string; verdict: string | null };

export type ClaimList = {
  article: { id: string; slug: string; title: string; status: string };
  revision: { id: string; number: number; text: string } | null;
  claims: ClaimListEntry[];
};

/**
 * The workbench's first screen for one article: its latest revision and a compact line per claim,
 * in reading order with orphans of older revisions last. Reviews are read for their verdicts only;
 * the full detail of a claim (reviews, citations, history) comes from getWorkbench with `claimIds`
 * when the claim is shown. Null for an unknown slug. The caller has checked `workbench.view`.
 */
export async function getClaimList(db: Database, input: GetWorkbenchInput & { viewer: SignedInViewer }): Promise<ClaimList | null> {
  const { viewer, ...rest } = input;
  const { slug } = GetWorkbenchInput.parse(rest);
  const article = await db.article.findUnique({
    where: { slug },
    select: { id: true, slug: true, title: true, status: true, revisions: { orderBy: { number: "desc" }, take: 1, select: { id: true, number: true, text: true } } },
  });
  if (!article) return null;
  const { revisions, ...head } = article;
  const revision = revisions[0] ?? null;
  // Two SQL statements instead of Prisma's claims-then-reviews pair: at 2,000 claims and 4,000
  // reviews, Prisma's query building and row mapping took most of the page's server time. Plain,
  // quoted SQL that PostgreSQL runs as well as SQLite; the verdicts are grouped here, not by
  // group_concat/string_agg, which differ between the two.
  const shown = Prisma.sql`"articleId" = ${article.id} AND ("revisionId" = ${revision?.id ?? ""} OR "state" = 'orphaned')`;
  const rows = await db.$queryRaw<ListRow[]>`
    SELECT "id", "revisionId", "kind", "text", "state", "score", "speaker", "assigneeId", "sourceStart", "sourceEnd"
    FROM "Claim" WHERE ${shown}
    ORDER BY "position" ASC, "sourceStart" ASC`;
  const reviews = await db.$queryRaw<ReviewRow[]>`
    SELECT "claimId", "reviewerId", "verdict" FROM "Review"
    WHERE "verdict" IS NOT NULL AND "claimId" IN (SELECT "id" FROM "Claim" WHERE ${shown})
    ORDER BY "createdAt" ASC, "id" ASC`;
  const verdicts = new Map<string, Verdict[]>();
  const mine = new Map<string, Verdict>();
  for (const r of reviews) {
    const verdict = readEnum(Verdict, r.verdict, null);
    if (!verdict) continue;
    verdicts.set(r.claimId, [...(verdicts.get(r.claimId) ?? []), verdict]);
    if (r.reviewerId === viewer.id) mine.set(r.claimId, verdict);
  }
  // Orphaned claims of older revisions go last: they have no place in the text shown.
  rows.sort((a, b) => Number(a.revisionId !== revision?.id) - Number(b.revisionId !== revision?.id));
  const claims = rows.map(
    (c): ClaimListEntry => ({
      id: c.id,
      text: c.text,
      score: Number(c.score),
      speaker: c.speaker,
      assigneeId: c.assigneeId,
      sourceStart: Number(c.sourceStart),
      sourceEnd: Number(c.sourceEnd),
      kind: readEnum(ClaimKind, c.kind, "factual"),
      state: readEnum(ClaimState, c.state, "open"),
      verdicts: verdicts.get(c.id) ?? [],
      myVerdict: mine.get(c.id) ?? null,
    }),
  );
  return { article: head, revision, claims };
}
