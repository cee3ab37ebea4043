import type { Database } from "@/lib/db/create-database";
import { ClaimState } from "@/lib/domain/vocabulary";
import { seenBeforeCounts } from "@/lib/matching";
import { displayName } from "@/lib/review/claim-rules";
import { Prisma } from "@/lib/generated/prisma/client";

export type ClaimProgress = Record<ClaimState, number> & { total: number };

export type DeskPerson = { id: string; name: string; reviews: number; assigned: number };

export type DeskArticle = {
  slug: string;
  title: string;
  publisher: string | null;
  status: string;
  progress: ClaimProgress;
  /** Everyone reviewing a claim of the article or assigned one, most involved first. */
  people: DeskPerson[];
  /** The latest audit event of the article, else when the article row last changed. */
  lastActivity: Date;
  /** How many of its claims match an earlier, checked claim of another article (lib/matching, issue 16). */
  seenBefore: number;
};

export function emptyProgress(): ClaimProgress {
  return { open: 0, in_review: 0, reviewed: 0, approved: 0, dismissed: 0, orphaned: 0, total: 0 };
}

/**
 * The editor's desk: every article with its state, claims counted per state, who is working on
 * it, and its last activity. A fixed number of grouped queries, however many articles and claims.
 */
export async function listDesk(db: Database): Promise<DeskArticle[]> {
  const [articles, states, assignments, reviewers, activity] = await Promise.all([
    db.article.findMany({ orderBy: { updatedAt: "desc" }, select: { id: true, slug: true, title: true, publisher: true, status: true, updatedAt: true } }),
    db.claim.groupBy({ by: ["articleId", "state"], _count: { _all: true } }),
    db.claim.groupBy({ by: ["articleId", "assigneeId"], where: { assigneeId: { not: null } }, _count: { _all: true } }),
    // Reviews carry no article column: counted per article through their claim.
    db.$queryRaw<{ articleId: string; userId: string; reviews: number | bigint }[]>(Prisma.sql`
      SELECT c."articleId" AS "articleId", r."reviewerId" AS "userId", COUNT(*) AS "reviews"
      FROM "Review" r JOIN "Claim" c ON c."id" = r."claimId"
      GROUP BY c."articleId", r."reviewerId"`),
    db.auditEvent.groupBy({ by: ["articleId"], where: { articleId: { not: null } }, _max: { createdAt: true } }),
  ]);

  const userIds = new Set<string>([...assignments.map((a) => a.assigneeId!), ...reviewers.map((r) => r.userId)]);
  const users = await db.user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, name: true, email: true } });
  const nameOf = new Map(users.map((u) => [u.id, displayName(u)]));

  const progress = new Map<string, ClaimProgress>();
  for (const row of states) {
    const counts = progress.get(row.articleId) ?? emptyProgress();
    const state = ClaimState.safeParse(row.state);
    if (state.success) counts[state.data] += row._count._all;
    counts.total += row._count._all;
    progress.set(row.articleId, counts);
  }

  const people = new Map<string, Map<string, DeskPerson>>();
  const personOf = (articleId: string, userId: string): DeskPerson => {
    const byUser = people.get(articleId) ?? new Map<string, DeskPerson>();
    people.set(articleId, byUser);
    const person = byUser.get(userId) ?? { id: userId, name: nameOf.get(userId) ?? "someone", reviews: 0, assigned: 0 };
    byUser.set(userId, person);
    return person;
  };
  for (const row of reviewers) personOf(row.articleId, row.userId).reviews += Number(row.reviews);
  for (const row of assignments) personOf(row.articleId, row.assigneeId!).assigned += row._count._all;

  const lastEvent = new Map(activity.map((a) => [a.articleId!, a._max.createdAt]));
  const seenBefore = await seenBeforeCounts(db, articles.map((a) => a.id));

  return articles.map((a) => {
    const event = lastEvent.get(a.id);
    return {
      slug: a.slug,
      title: a.title,
      publisher: a.publisher,
      status: a.status,
      progress: progress.get(a.id) ?? emptyProgress(),
      people: [...(people.get(a.id)?.values() ?? [])].sort((x, y) => y.reviews + y.assigned - (x.reviews + x.assigned) || x.name.localeCompare(y.name)),
      lastActivity: event && event > a.updatedAt ? event : a.updatedAt,
      seenBefore: seenBefore.get(a.id) ?? 0,
    };
  });
}
