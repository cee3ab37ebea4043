import type { Metadata } from "next";
import { describeSummary } from "@/lib/reading/summary";
import { loadReading } from "./load-reading";
import { ReadingEnhancer } from "./reading-enhancer";
import { ReadingSummary } from "./reading-summary";
import "./reading.css";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { markup, access, pageUrl } = await loadReading((await params).slug);
  const { article } = markup;
  const description = describeSummary(markup.summary);
  return {
    title: article.title,
    description,
    alternates: { canonical: pageUrl },
    robots: access === "preview" ? { index: false, follow: false } : undefined,
    openGraph: {
      type: "article",
      title: `Fact check: ${article.title}`,
      description,
      url: pageUrl,
      siteName: "Claimdesk",
      publishedTime: article.publishedAt?.toISOString(),
      authors: article.author ? [article.author] : undefined,
    },
  };
}

/**
 * The public annotated reading view (issue 5), readable with JavaScript off; the enhancer adds the
 * popover and filters. The article, the claim list and the source notes arrive as HTML rendered once
 * per version of the article from sanitised trees (lib/reading/reading-markup.ts explains why).
 */
export default async function ReadingPage({ params }: Props) {
  const { markup, access } = await loadReading((await params).slug);
  const { article } = markup;
  const byline = [article.author, article.publisher, article.publishedOn].filter(Boolean).join(" · ");
  return (
    <article className="reading" aria-labelledby="reading-title">
      {access === "preview" ? (
        <p className="preview-banner" role="note">
          <strong>Preview: not published.</strong> Only signed-in staff can see this page until an editor publishes it.
        </p>
      ) : null}
      <header className="reading-header">
        <p className="reading-kicker">Fact check</p>
        <h1 id="reading-title">{article.title}</h1>
        <p className="muted">
          {byline ? <>Original article: {byline}. </> : null}
          {article.originalUrl && /^https?:\/\//i.test(article.originalUrl) ? (
            <>
              <a href={article.originalUrl} rel="noopener noreferrer">
                Read the original
              </a>
              .{" "}
            </>
          ) : null}
          {article.publishedAt ? <>Checked by Claimdesk, published {article.publishedAt.toISOString().slice(0, 10)}.</> : null}
        </p>
      </header>
      <ReadingSummary summary={markup.summary} chart={markup.chart} />
      <ReadingEnhancer kinds={markup.summary.byKind} verdicts={markup.summary.byVerdict} counts={markup.summary.byKindAndVerdict}>
        <div className="reading-body" data-testid="article-text" dangerouslySetInnerHTML={{ __html: markup.bodyHtml }} />
        <div dangerouslySetInnerHTML={{ __html: markup.claimsHtml }} />
      </ReadingEnhancer>
      {markup.sourceNotesHtml ? <div dangerouslySetInnerHTML={{ __html: markup.sourceNotesHtml }} /> : null}
      {markup.claimReviewJson ? <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: markup.claimReviewJson }} /> : null}
    </article>
  );
}
