import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { HastContent } from "@/app/_components/hast-content";
import { getArticleWithLatestRevision } from "@/lib/articles/get-article";
import { Slug } from "@/lib/articles/import-article";
import { getViewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { KIND_LABELS, ClaimKind } from "@/lib/domain/vocabulary";
import { renderArticle } from "@/lib/render/article-html";

type Props = { params: Promise<{ slug: string }> };

async function load(params: Props["params"]) {
  const slug = Slug.safeParse((await params).slug);
  if (!slug.success) notFound();
  // A draft the viewer may not see is null, so it gets the very 404 of a missing slug.
  const article = await getArticleWithLatestRevision(db, { slug: slug.data, viewer: await getViewer() });
  if (!article || !article.revision) notFound();
  return { ...article, revision: article.revision };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await load(params);
  return { title: article.title };
}

export default async function ArticlePage({ params }: Props) {
  const article = await load(params);
  const { revision } = article;
  return (
    <article>
      <p className="muted">
        {[article.publisher, article.author, article.publishedOn].filter(Boolean).join(" · ") || "Source unknown"} · revision{" "}
        {revision.number} of {article.revisionCount} · <Link href={`/articles/${article.slug}/revisions`}>Import new revision</Link>
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
