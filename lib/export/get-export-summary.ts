import type { Database } from "@/lib/db/create-database";
import { HIDDEN_STATES } from "@/lib/reading/published-verdicts";

export type ExportSummary = {
  slug: string;
  title: string;
  status: string;
  /** Claims readers see (the latest revision's, less dismissed and orphaned ones), as the reports count them. */
  claims: number;
  approved: number;
  /** Claims no longer placed in the latest text: listed apart in the reports. */
  orphaned: number;
  reviews: number;
  revisions: number;
};

/** What the report page shows above the download links: the article and the reports' counts, or null. */
export async function getExportSummary(db: Database, { slug }: { slug: string }): Promise<ExportSummary | null> {
  const article = await db.article.findUnique({
    where: { slug },
    select: { id: true, slug: true, title: true, status: true, _count: { select: { revisions: true } }, revisions: { orderBy: { number: "desc" }, take: 1, select: { id: true } } },
  });
  if (!article) return null;
  const seen = { revisionId: article.revisions[0]?.id ?? "", state: { notIn: [...HIDDEN_STATES] } };
  const [claims, approved, orphaned, reviews] = await Promise.all([
    db.claim.count({ where: seen }),
    db.claim.count({ where: { ...seen, state: "approved" } }),
    db.claim.count({ where: { articleId: article.id, state: { not: "dismissed" }, NOT: { ...seen } } }),
    db.review.count({ where: { claim: { articleId: article.id } } }),
  ]);
  return { slug: article.slug, title: article.title, status: article.status, claims, approved, orphaned, reviews, revisions: article._count.revisions };
}
