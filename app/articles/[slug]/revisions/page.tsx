import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleNav } from "@/app/_components/article-nav";
import { Slug } from "@/lib/articles/import-article";
import { can } from "@/lib/auth/policy";
import { requirePageViewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { humanDateTime } from "@/lib/export/human-date";
import { getVisibleArticle } from "@/lib/home/get-visible-article";
import { compareRevisions } from "@/lib/revisions/compare-revisions";
import { listRevisions } from "@/lib/revisions/list-revisions";
import { CompareRevisionsInput } from "@/lib/revisions/schemas";
import { ImportRevisionForm } from "./import-form";
import { RevisionDiff } from "./revision-diff";

/** "1 December 2026, 14:05 UTC": the day as people write it, the time to tell revisions of one day apart. */

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: "Revisions" };

/** An article's revisions: import a new one, list them all, and compare any two with their claims. */
export default async function RevisionsPage({ params, searchParams }: Props) {
  const raw = (await params).slug;
  const viewer = await requirePageViewer("workbench.view", `/articles/${encodeURIComponent(raw)}/revisions`);
  const slug = Slug.safeParse(raw);
  if (!slug.success) notFound();
  const [data, navArticle] = await Promise.all([listRevisions(db, { slug: slug.data }), getVisibleArticle(db, { slug: slug.data, viewer })]);
  if (!data || data.revisions.length === 0 || !navArticle) notFound();
  const { article, revisions } = data;

  // Newest against the one before it, unless the reader chose two.
  const query = CompareRevisionsInput.parse(await searchParams);
  const latest = revisions[0]!.number;
  const to = query.to ?? latest;
  const from = query.from ?? Math.max(1, to - 1);
  const comparison = revisions.length > 1 ? await compareRevisions(db, { articleId: article.id, from, to }) : null;

  return (
    <>
      <ArticleNav article={navArticle} viewer={viewer} current="revisions" />
      <h1>Revisions of {article.title}</h1>

      {can(viewer, "article.import") ? <ImportRevisionForm slug={article.slug} /> : null}

      <section className="stack" aria-labelledby="revisions-heading">
        <h2 id="revisions-heading">Revisions ({revisions.length})</h2>
        <table className="listing">
          <thead>
            <tr>
              <th scope="col" className="num">Revision</th>
              <th scope="col">Imported</th>
              <th scope="col">By</th>
              <th scope="col">Format</th>
              <th scope="col" className="num">Claims</th>
              <th scope="col">Content hash (SHA-256)</th>
            </tr>
          </thead>
          <tbody>
            {revisions.map((r) => (
              <tr key={r.id}>
                <td className="num">{r.number}</td>
                <td>
                  <time dateTime={r.importedAt.toISOString()}>{humanDateTime(r.importedAt)}</time>
                </td>
                <td>{r.importedBy ?? <span className="muted">command line</span>}</td>
                <td>{r.sourceFormat}</td>
                <td className="num">{r.claimCount}</td>
                <td>
                  <code title={r.contentHash}>{r.contentHash.slice(0, 12)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {revisions.length > 1 ? (
        <form method="get" className="row" aria-label="Compare two revisions">
          <label>
            From revision
            <select name="from" defaultValue={String(from)}>
              {revisions.map((r) => (
                <option key={r.id} value={r.number}>
                  {r.number}
                </option>
              ))}
            </select>
          </label>
          <label>
            To revision
            <select name="to" defaultValue={String(to)}>
              {revisions.map((r) => (
                <option key={r.id} value={r.number}>
                  {r.number}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button">
            Compare
          </button>
        </form>
      ) : (
        <p className="muted">Only one revision so far: import a new one to compare them.</p>
      )}
      {comparison ? <RevisionDiff comparison={comparison} /> : revisions.length > 1 ? <p role="alert">There is no such revision to compare.</p> : null}
    </>
  );
}
