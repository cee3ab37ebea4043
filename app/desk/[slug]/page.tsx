import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageViewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { getDisagreement } from "@/lib/desk/disagreement";
import { listReviewers } from "@/lib/desk/list-reviewers";
import { ArticleBySlugInput } from "@/lib/desk/schemas";
import { ArticleNav } from "@/app/_components/article-nav";
import { AppError } from "@/lib/errors";
import { seenBeforeCounts } from "@/lib/matching";
import { getNumberChecks } from "@/lib/numbers-review/get-number-checks";
import { DeskBoard } from "./desk-board";
import { NumberChecksList } from "./number-checks-list";
import { PublishControls } from "./publish-controls";
import "../desk.css";

type Props = { params: Promise<{ slug: string }> };

export const metadata: Metadata = { title: "Article desk" };

const formatAlpha = (alpha: number | null) => (alpha === null ? "not defined" : alpha.toFixed(3));

export default async function ArticleDeskPage({ params }: Props) {
  const raw = (await params).slug;
  const viewer = await requirePageViewer("claim.assign", `/desk/${encodeURIComponent(raw)}`);
  const slug = ArticleBySlugInput.safeParse({ slug: raw });
  if (!slug.success) notFound();
  const table = await getDisagreement(db, slug.data).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const { article } = table;
  const [reviewers, numberChecks, seenBefore] = await Promise.all([
    listReviewers(db),
    getNumberChecks(db, { articleId: article.id }),
    seenBeforeCounts(db, [article.id]).then((counts) => counts.get(article.id) ?? 0),
  ]);
  const disagreements = table.rows.filter((r) => r.disagreement).length;

  return (
    <div className="desk">
      <ArticleNav article={article} viewer={viewer} current="desk" />
      <p className="muted">
        <Link href="/desk">All articles on the desk</Link>
      </p>
      <h1>{article.title}</h1>
      <PublishControls slug={article.slug} status={article.status} />
      <p>
        <strong>Seen before:</strong>{" "}
        <span data-testid="seen-before">
          {seenBefore} {seenBefore === 1 ? "claim matches" : "claims match"} checked claims in other articles
        </span>
        {seenBefore > 0 ? " (their verdicts are under “Checked before” in the workbench)" : ""}. <Link href="/desk/repeated">Claims repeated most</Link>
      </p>

      <section className="desk-section" aria-labelledby="agreement-heading">
        <h2 id="agreement-heading">Agreement</h2>
        <p>
          Krippendorff&apos;s alpha (ordinal, over rated verdicts; Unsupported and Opinion left out):{" "}
          <span className="alpha" data-testid="article-alpha">
            α = {formatAlpha(table.alpha)}
          </span>
          {table.alpha === null ? <span className="muted"> — needs two rated verdicts on one claim and some variation among them.</span> : null}{" "}
          <span className="muted">
            {disagreements} {disagreements === 1 ? "claim" : "claims"} with disagreeing verdicts.
          </span>
        </p>
        {table.pairs.length > 0 ? (
          <table className="listing pair-table">
            <caption>Agreement per pair of reviewers</caption>
            <thead>
              <tr>
                <th scope="col">Reviewer</th>
                <th scope="col">Reviewer</th>
                <th scope="col" className="num">Claims both rated</th>
                <th scope="col" className="num">α</th>
              </tr>
            </thead>
            <tbody>
              {table.pairs.map((p) => (
                <tr key={`${p.a.id}-${p.b.id}`}>
                  <td>{p.a.name}</td>
                  <td>{p.b.name}</td>
                  <td className="num">{p.claims}</td>
                  <td className="num alpha">{formatAlpha(p.alpha)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>

      <NumberChecksList slug={article.slug} checks={numberChecks.checks} />

      <DeskBoard
        slug={article.slug}
        viewerId={viewer.id}
        reviewers={reviewers}
        columns={table.reviewers}
        rows={table.rows.map((r) => ({ ...r, number: r.position + 1 }))}
      />
    </div>
  );
}
