import "server-only";
import type { Database } from "@/lib/db/create-database";
import { Verdict } from "@/lib/domain/vocabulary";
import { hrefOf } from "@/lib/matching-review/get-checked-before";
import { mostRepeatedClaims } from "@/lib/matching";
import { readEnum } from "@/lib/review/json-columns";

/** One claim as /desk/repeated lists it: where it is, and what was decided about it. */
export type RepeatedClaimItem = {
  claimId: string;
  text: string;
  state: string;
  article: { slug: string; title: string; status: string };
  href: string;
  /** The approved verdict, else null. */
  approved: Verdict | null;
  /** Every review's verdict (those with one), latest first. */
  verdicts: Verdict[];
};

/** A claim repeated across articles, with each article's copy of it. */
export type RepeatedClaim = RepeatedClaimItem & { articleCount: number; copies: RepeatedClaimItem[] };

/**
 * The claims repeated most across all articles (lib/matching's mostRepeatedClaims), each with its
 * verdicts and the matched copies in the other articles with theirs: the desk's /desk/repeated page.
 * One query for every claim named, whatever the limit.
 */
export async function listRepeatedClaims(db: Database, input: { limit: number }): Promise<RepeatedClaim[]> {
  const repeated = await mostRepeatedClaims(db, { limit: input.limit });
  const ids = [...new Set(repeated.flatMap((r) => [r.claimId, ...r.matchedClaimIds]))];
  if (ids.length === 0) return [];
  const rows = await db.claim.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      text: true,
      state: true,
      approvedReview: { select: { verdict: true } },
      article: { select: { slug: true, title: true, status: true } },
      reviews: { orderBy: { updatedAt: "desc" }, where: { verdict: { not: null } }, select: { verdict: true } },
    },
  });
  const item = new Map(
    rows.map((c): [string, RepeatedClaimItem] => [
      c.id,
      {
        claimId: c.id,
        text: c.text,
        state: c.state,
        article: c.article,
        href: hrefOf(c.id, c.article),
        approved: readEnum(Verdict, c.approvedReview?.verdict ?? null, null),
        verdicts: c.reviews.flatMap((r) => {
          const v = readEnum(Verdict, r.verdict, null);
          return v ? [v] : [];
        }),
      },
    ]),
  );
  return repeated.flatMap((r) => {
    const head = item.get(r.claimId);
    if (!head) return [];
    const copies = r.matchedClaimIds.flatMap((id) => item.get(id) ?? []);
    return [{ ...head, articleCount: r.articleCount, copies }];
  });
}
