import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArticleNav } from "@/app/_components/article-nav";
import { HastContent } from "@/app/_components/hast-content";
import { getArticleWithLatestRevision } from "@/lib/articles/get-article";
import { Slug } from "@/lib/articles/import-article";
import { can } from "@/lib/auth/policy";
import { getViewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { KIND_LABELS, ClaimKind } from "@/lib/domain/vocabulary";
import { humanDate } from "@/lib/export/human-date";
import { renderArticle } from "@/lib/render/article-html";

type Props = { params: Promise<{ slug: string }> };

async function load(params: Props["params"]) {
  const slug = Slug.safeParse((await params).slug);
  if (!slug.success) notFound();
  // A draft the viewer may not see is null, so it gets the very 404 of a missing slug.
  const viewer = await getViewer();
  const article = await getArticleWithLatestRevision(db, { slug: slug.data, viewer });
  if (!article || !article.revision) notFound();
  return { ...article, revision: article.revision, viewer };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await load(params);
  return { title: article.title };
}

export default async function ArticlePage({ params }: Props) {
  const article = await load(params);
  const { revision, viewer } = article;
  return (
    <article>
      <ArticleNav article={article} viewer={viewer} current="article" />
      {/* The text usually opens with its own title as a heading; this one names the page for screen readers. */}
      <h1 className="visually-hidden">{article.title}: text and claims</h1>
      <p className="muted">
        {[article.publisher, article.author, humanDate(article.publishedOn)].filter(Boolean).join(" · ") || "Source unknown"} · revision{" "}
        {revision.number} of {article.revisionCount}, imported <time dateTime={revision.importedAt.toISOString()}>{humanDate(revision.importedAt)}</time>
        {can(viewer, "article.import") ? (
          <>
            {" "}
            · <Link href={`/articles/${encodeURIComponent(article.slug)}/revisions`}>Import new revision</Link>
          </>
        ) : null}
      </p>
      <div className="article-layout">
        <div className="article-body" data-testid="article-text">
          <HastContent tree={renderArticle(revision.text)} />
        </div>
        <section aria-labelledby="claims-heading">
          <h2 id="claims-heading">Claims ({revision.claims.length})</h2>
          <ol className="claim-list">
            {revision.claims.map((claim) => (
              <li key={claim.id} data-kind={claim.kind}>
                <div className="claim-meta">
                  <span className="kind-badge">{KIND_LABELS[ClaimKind.catch("factual").parse(claim.kind)]}</span>
                  <span>score {claim.score.toFixed(2)}</span>
                </div>
                <p>{claim.text}</p>
                {claim.context ? <p className="muted">Context: {claim.context}</p> : null}
                {claim.reasons.length > 0 ? <p className="claim-meta">{claim.reasons.join(" · ")}</p> : null}
              </li>
            ))}
          </ol>
        </section>
      </div>
    </article>
  );
}
