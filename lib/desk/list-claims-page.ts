import type { Database } from "@/lib/db/create-database";
import { VERDICTS } from "@/lib/domain/vocabulary";
import { AppError } from "@/lib/errors";
import { displayName } from "@/lib/review/claim-rules";
import { pageOf, type Page } from "./list-articles-page";
import { ListClaimsQuery } from "./schemas";

export type ApiCitation = {
  url: string;
  title: string | null;
  publisher: string | null;
  publishedOn: string | null;
  accessedOn: string | null;
  excerpt: string;
  stance: string;
  archiveUrl: string | null;
};

export type ApiReview = {
  id: string;
  reviewer: string;
  verdict: string | null;
  verdictLabel: string | null;
  rating: number | null;
  confidence: string | null;
  note: string;
  version: number;
  updatedAt: string;
  approved: boolean;
  citations: ApiCitation[];
};

export type ApiClaim = {
  id: string;
  revision: number;
  position: number;
  kind: string;
  text: string;
  quote: { exact: string; prefix: string; suffix: string };
  sourceStart: number;
  sourceEnd: number;
  state: string;
  assignee: string | null;
  approvedAt: string | null;
  reviews: ApiReview[];
};

const VERDICT = new Map<string, (typeof VERDICTS)[number]>(VERDICTS.map((v) => [v.id, v]));

/**
 * GET /api/articles/<slug>/claims: the article's claims in reading order (latest revision first,
 * then claims left on older ones), each with every review and its citations.
 */
export async function listClaimsPage(db: Database, input: ListClaimsQuery): Promise<Page<ApiClaim>> {
  const query = ListClaimsQuery.parse(input);
  const article = await db.article.findUnique({ where: { slug: query.slug }, select: { id: true } });
  if (!article) throw new AppError("NOT_FOUND", `There is no article "${query.slug}".`);
  const where = { articleId: article.id };
  const [total, rows] = await Promise.all([
    db.claim.count({ where }),
    db.claim.findMany({
      where,
      orderBy: [{ revision: { number: "desc" } }, { position: "asc" }, { id: "asc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: {
        id: true,
        position: true,
        kind: true,
        text: true,
        quoteExact: true,
        quotePrefix: true,
        quoteSuffix: true,
        sourceStart: true,
        sourceEnd: true,
        state: true,
        approvedReviewId: true,
        approvedAt: true,
        revision: { select: { number: true } },
        assignee: { select: { name: true, email: true } },
        reviews: {
          orderBy: { createdAt: "asc" },
          select: {
            id: true,
            verdict: true,
            confidence: true,
            note: true,
            version: true,
            updatedAt: true,
            reviewer: { select: { name: true, email: true } },
            citations: {
              orderBy: { position: "asc" },
              select: {
                excerpt: true,
                stance: true,
                accessedOn: true,
                archiveUrl: true,
                source: { select: { url: true, title: true, publisher: true, publishedOn: true } },
              },
            },
          },
        },
      },
    }),
  ]);
  const claims = rows.map(
    (c): ApiClaim => ({
      id: c.id,
      revision: c.revision.number,
      position: c.position,
      kind: c.kind,
      text: c.text,
      quote: { exact: c.quoteExact, prefix: c.quotePrefix, suffix: c.quoteSuffix },
      sourceStart: c.sourceStart,
      sourceEnd: c.sourceEnd,
      state: c.state,
      assignee: c.assignee && displayName(c.assignee),
      approvedAt: c.approvedAt?.toISOString() ?? null,
      reviews: c.reviews.map((r) => {
        const verdict = r.verdict ? VERDICT.get(r.verdict) : undefined;
        return {
          id: r.id,
          reviewer: displayName(r.reviewer),
          verdict: r.verdict,
          verdictLabel: verdict?.label ?? null,
          rating: verdict?.rating ?? null,
          confidence: r.confidence,
          note: r.note,
          version: r.version,
          updatedAt: r.updatedAt.toISOString(),
          approved: r.id === c.approvedReviewId,
          citations: r.citations.map((ct) => ({
            url: ct.source.url,
            title: ct.source.title,
            publisher: ct.source.publisher,
            publishedOn: ct.source.publishedOn,
            accessedOn: ct.accessedOn,
            excerpt: ct.excerpt,
            stance: ct.stance,
            archiveUrl: ct.archiveUrl,
          })),
        };
      }),
    }),
  );
  return pageOf(claims, query, total);
}
