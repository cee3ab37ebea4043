import type { Database } from "@/lib/db/create-database";

export type ExportSummary = {
  slug: string;
  title: string;
  status: string;
  claims: number;
  approved: number;
  reviews: number;
  revisions: number;
};

/** What the report page shows above the download links: the article and a few counts, or null. */
export async function getExportSummary(db: Database, { slug }: { slug: string }): Promise<ExportSummary | null> {
  const article = await db.article.findUnique({
    where: { slug },
    select: { id: true, slug: true, title: true, status: true, _count: { select: { revisions: true } } },
  });
  if (!article) return null;
  const [claims, approved, reviews] = await Promise.all([
    db.claim.count({ where: { articleId: article.id, state: { not: "dismissed" } } }),
    db.claim.count({ where: { articleId: article.id, state: "approved" } }),
    db.review.count({ where: { claim: { articleId: article.id } } }),
  ]);
  return { slug: article.slug, title: article.title, status: article.status, claims, approved, reviews, revisions: article._count.revisions };
}
