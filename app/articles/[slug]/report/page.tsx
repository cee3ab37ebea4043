import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleNav } from "@/app/_components/article-nav";
import { Slug } from "@/lib/articles/import-article";
import { requirePageViewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { getExportSummary } from "@/lib/export/get-export-summary";
import type { ExportFormat } from "@/lib/export/render-export";
import "./report.css";

type Props = { params: Promise<{ slug: string }> };

export const metadata: Metadata = { title: "Report and exports" };

const EXPORTS: { format: ExportFormat; label: string; description: string }[] = [
  { format: "report.html", label: "HTML report", description: "The article with its claims, verdicts, notes, chart and numbered sources. Print it and choose “Save as PDF” for the PDF report." },
  { format: "report.md", label: "Markdown report", description: "The same report as Markdown, for editing or publishing elsewhere." },
  { format: "claims.csv", label: "Claims CSV", description: "One row per claim with kind, verdict, rating, confidence, reviewers and sources; opens in spreadsheets." },
  { format: "claimreview.jsonld", label: "ClaimReview JSON-LD", description: "schema.org ClaimReview for every approved verdict, for search engines." },
  { format: "annotations.jsonld", label: "Web Annotations JSON-LD", description: "W3C Web Annotations: each claim anchored in its revision's text (code-point offsets), each review and citation as a body." },
  { format: "backup.json", label: "Backup", description: "Everything about this article, to restore into another Claimdesk database." },
];

export default async function ReportPage({ params }: Props) {
  const raw = (await params).slug;
  const viewer = await requirePageViewer("article.export", `/articles/${encodeURIComponent(raw)}/report`);
  const slug = Slug.safeParse(raw);
  if (!slug.success) notFound();
  const summary = await getExportSummary(db, { slug: slug.data });
  if (!summary) notFound();
  const base = `/api/articles/${encodeURIComponent(summary.slug)}/export`;

  return (
    <div className="report-page">
      <ArticleNav article={summary} viewer={viewer} current="report" />
      <h1>Report and exports</h1>
      <p className="muted">
        {summary.status.replace(/_/g, " ")} · {summary.claims} claims, {summary.approved} approved · {summary.reviews} reviews · {summary.revisions}{" "}
        {summary.revisions === 1 ? "revision" : "revisions"}
        {summary.orphaned > 0 ? ` · ${summary.orphaned} no longer in the latest text, listed apart` : null}
      </p>
      {summary.approved < summary.claims ? (
        <p className="report-note">Reports show approved verdicts only; {summary.claims - summary.approved} claims are not approved yet.</p>
      ) : null}
      <ul className="export-list">
        {EXPORTS.map((e) => (
          <li key={e.format}>
            <a className="button primary" href={`${base}/${e.format}`} download={`${summary.slug}-${e.format}`}>
              {e.label}
            </a>
            <span>
              {e.description} <code>{`${summary.slug}-${e.format}`}</code>
            </span>
          </li>
        ))}
      </ul>
      <p className="muted">
        Restore a backup into another database with <code>npm run restore -- FILE</code>.
      </p>
    </div>
  );
}
