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
  const rows = await db.claim.findMany({
    where: { articleId: article.id, OR: [{ revisionId: revision?.id ?? "" }, { state: "orphaned" }] },
    orderBy: [{ position: "asc" }, { sourceStart: "asc" }],
    select: {
      id: true,
      revisionId: true,
      kind: true,
      text: true,
      state: true,
      score: true,
      speaker: true,
      assigneeId: true,
      sourceStart: true,
      sourceEnd: true,
      reviews: { orderBy: { createdAt: "asc" }, select: { reviewerId: true, verdict: true } },
    },
  });
  rows.sort((a, b) => Number(a.revisionId !== revision?.id) - Number(b.revisionId !== revision?.id));
  const claims = rows.map(({ reviews, ...c }): ClaimListEntry => {
    const verdicts = reviews.map((r) => readEnum(Verdict, r.verdict, null)).filter((v): v is Verdict => v !== null);
    const mine = reviews.find((r) => r.reviewerId === viewer.id);
    return {
      id: c.id,
      text: c.text,
      score: c.score,
      speaker: c.speaker,
      assigneeId: c.assigneeId,
      sourceStart: c.sourceStart,
      sourceEnd: c.sourceEnd,
      kind: readEnum(ClaimKind, c.kind, "factual"),
      state: readEnum(ClaimState, c.state, "open"),
      verdicts,
      myVerdict: mine ? readEnum(Verdict, mine.verdict, null) : null,
    };
  });
  return { article: head, revision, claims };
}
