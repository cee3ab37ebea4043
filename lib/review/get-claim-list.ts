import "server-only";
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
  verdicts: string | null;
  myVerdict: string | null;
};

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
  // One SQL statement instead of Prisma's claims-then-reviews pair: at 2,000 claims and 4,000
  // reviews, Prisma's query building and row mapping took most of the page's server time.
  const rows = await db.$queryRaw<ListRow[]>`
    SELECT c.id, c.revisionId, c.kind, c.text, c.state, c.score, c.speaker, c.assigneeId, c.sourceStart, c.sourceEnd,
      (SELECT group_concat(v, ',') FROM (SELECT r.verdict AS v FROM Review r WHERE r.claimId = c.id AND r.verdict IS NOT NULL ORDER BY r.createdAt, r.id)) AS verdicts,
      (SELECT r.verdict FROM Review r WHERE r.claimId = c.id AND r.reviewerId = ${viewer.id}) AS myVerdict
    FROM Claim c
    WHERE c.articleId = ${article.id} AND (c.revisionId = ${revision?.id ?? ""} OR c.state = 'orphaned')
    ORDER BY c.position ASC, c.sourceStart ASC`;
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
      verdicts: (c.verdicts ?? "").split(",").flatMap((v) => {
        const verdict = readEnum(Verdict, v, null);
        return verdict ? [verdict] : [];
      }),
      myVerdict: readEnum(Verdict, c.myVerdict, null),
    }),
  );
  return { article: head, revision, claims };
}
