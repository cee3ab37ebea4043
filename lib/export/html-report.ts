import { toHtml } from "hast-util-to-html";
import { renderArticle } from "@/lib/render/article-html";
import { noteIdPrefix } from "@/lib/render/note-html";
import { humanDate } from "./human-date";
import { renderNotes } from "./render-notes";
import { buildReportModel, sourceLine, verdictText, type ReportCitation, type ReportClaim, type ReportModel, type ReportNumberCheck } from "./report-model";
import type { ArticleExport } from "./types";

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** Only http(s) URLs become links; anything else is shown as text. */
function safeHref(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

function link(url: string, text: string = url): string {
  const href = safeHref(url);
  return href ? `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>` : escapeHtml(text);
}

const VERDICT_COLOURS: Record<string, string> = {
  accurate: "#2e7d32",
  mostly_accurate: "#7cb342",
  missing_context: "#f9a825",
  misleading: "#ef6c00",
  false: "#c62828",
  unsupported: "#78909c",
  opinion: "#8e7cc3",
};

/** A small horizontal bar chart of claims by approved verdict, as inline SVG with a text alternative. */
export function verdictChartSvg(model: ReportModel): string {
  const rows = [...model.byVerdict.map((v) => ({ id: v.verdict.id, label: v.verdict.label, count: v.count })), { id: "none", label: "Not yet approved", count: model.notApprovedCount }];
  const max = Math.max(1, ...rows.map((r) => r.count));
  const rowHeight = 22;
  const labelWidth = 140;
  const barWidth = 300;
  const height = rows.length * rowHeight + 4;
  const summary = rows.map((r) => `${r.label}: ${r.count}`).join(", ");
  const bars = rows
    .map((r, i) => {
      const y = i * rowHeight + 2;
      const w = Math.round((r.count / max) * barWidth);
      return (
        `<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end">${escapeHtml(r.label)}</text>` +
        `<rect x="${labelWidth}" y="${y + 3}" width="${w}" height="${rowHeight - 8}" fill="${VERDICT_COLOURS[r.id] ?? "#b0b7c3"}"/>` +
        `<text x="${labelWidth + w + 6}" y="${y + 15}">${r.count}</text>`
      );
    })
    .join("");
  return `<svg class="chart" role="img" aria-label="${escapeHtml(`Claims by verdict: ${summary}`)}" viewBox="0 0 ${labelWidth + barWidth + 40} ${height}" width="${labelWidth + barWidth + 40}" height="${height}" xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif" font-size="12">${bars}</svg>`;
}

const STYLE = `
:root { color: #1d2126; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; line-height: 1.5; }
body { max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
h1 { line-height: 1.2; margin-bottom: 0.25rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 1rem; color: #5a6270; }
dl.meta dt { font-weight: 600; }
dl.meta dd { margin: 0; }
table { border-collapse: collapse; }
th, td { text-align: left; padding: 0.2rem 0.75rem 0.2rem 0; border-bottom: 1px solid #d9dde3; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.article-text { font-family: Georgia, "Times New Roman", serif; border-left: 3px solid #d9dde3; padding-left: 1rem; }
mark.claim-mark { background: #fff1b8; }
mark.verdict-accurate, mark.verdict-mostly_accurate { background: #dff5e3; }
mark.verdict-missing_context, mark.verdict-misleading { background: #ffe8c7; }
mark.verdict-false { background: #ffd9d9; }
ol.claims { padding-left: 1.5rem; }
ol.claims > li { margin-bottom: 1.25rem; }
.claim-text { font-family: Georgia, "Times New Roman", serif; margin: 0.25rem 0; white-space: pre-line; }
.verdict { font-weight: 700; }
.facts { color: #5a6270; font-size: 0.9rem; margin: 0.25rem 0; }
.note { border-left: 3px solid #1f5fbf; padding-left: 0.75rem; }
.excerpt { font-size: 0.9rem; color: #3a404a; }
.sources li { margin-bottom: 0.25rem; overflow-wrap: anywhere; }
ol.number-checks > li { margin-bottom: 1rem; }
.number-checks dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 1rem; margin: 0.25rem 0; font-size: 0.9rem; }
.number-checks dt { font-weight: 600; }
.number-checks dd { margin: 0; }
.explained { border-left: 3px solid #2e7d32; padding-left: 0.75rem; }
@media print {
  @page { margin: 18mm 16mm; }
  :root { font-size: 10.5pt; }
  body { max-width: none; margin: 0; padding: 0; }
  a { color: inherit; }
  .sources a::after { content: " <" attr(href) ">"; font-size: 0.85em; color: #5a6270; }
  ol.claims > li, figure, table { break-inside: avoid; }
  h2 { break-after: avoid; }
  mark.claim-mark { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .screen-only { display: none; }
}`;

/**
 * Up to this many claims the report carries the article's text with every claim marked. Past it
 * the text would double a report that is already hundreds of printed pages, and rendering it would
 * take most of the 2 s an export may take (scripts/bench/exports.ts).
 */
export const ARTICLE_TEXT_MAX_CLAIMS = 500;

/**
 * report.html: one standalone document (styles inline, no scripts) with the article's metadata, a
 * verdict chart, the number checks, the latest revision with its claims marked (see ARTICLE_TEXT_MAX_CLAIMS), every listed claim with its approved
 * verdict, confidence, reviewers, note and cited sources, and the numbered sources. A print
 * stylesheet makes the browser's "Save as PDF" the PDF report. All text is escaped; the article and
 * the notes go through the sanitising renderers.
 */
export function formatHtmlReport(data: ArticleExport, options: { generatedAt?: string; articleText?: boolean } = {}): string {
  const model = buildReportModel(data);
  const { article } = data;
  const revision = model.latestRevision;
  const meta: [string, string | null][] = [
    ["Publisher", article.publisher],
    ["Author", article.author],
    ["Published", humanDate(article.publishedOn)],
    ["Status", article.status],
    ["Revision", revision ? String(revision.number) : null],
    ["Checked and published", humanDate(article.publishedAt)],
    ["Generated", humanDate(options.generatedAt)],
  ];
  const metaHtml = meta
    .filter(([, v]) => v)
    .map(([k, v]) => `<dt>${k}</dt><dd>${escapeHtml(v!)}</dd>`)
    .concat(article.originalUrl ? [`<dt>Original</dt><dd>${link(article.originalUrl)}</dd>`] : [])
    .join("");

  const approved = model.claims.length - model.notApprovedCount;
  const kinds = model.byKind.map((k) => `<tr><td>${escapeHtml(k.label)}</td><td class="num">${k.count}</td></tr>`).join("");

  let articleHtml = "";
  const withText = options.articleText ?? model.claims.length <= ARTICLE_TEXT_MAX_CLAIMS;
  if (revision && !withText) {
    articleHtml = `<section><h2>Article text</h2><p class="facts">Left out: this article has ${model.claims.length} claims, over the ${ARTICLE_TEXT_MAX_CLAIMS} up to which the report prints the text. Each claim below is quoted in reading order.</p></section>`;
  } else if (revision) {
    const marked = model.claims
      .filter((c) => c.claim.revisionId === revision.id)
      .map((c) => ({
        id: c.claim.id,
        sourceStart: c.claim.sourceStart,
        sourceEnd: c.claim.sourceEnd,
        kind: c.claim.kind,
        verdict: c.verdict?.id ?? null,
        label: `${c.kindLabel}, ${c.verdict ? `verdict: ${c.verdict.label}` : "not yet approved"}`,
      }));
    articleHtml = `<section><h2>Article text</h2><div class="article-text">${toHtml(renderArticle(revision.text, { claims: marked }))}</div></section>`;
  }

  // Every note's footnotes get ids of their own (note-<claim id>-fn-1), so two notes saying [^1] never collide.
  const listed = [...model.claims, ...model.orphaned];
  const approvedNotes = listed.map((c) => c.approved?.note.trim() ?? "");
  const noteTrees = renderNotes(approvedNotes, listed.map((c) => ({ idPrefix: noteIdPrefix(c.claim.id) })));
  const items = listed.map((entry, index) => claimItem(entry, approvedNotes[index] ? `<div class="note">${toHtml(noteTrees[index]!)}</div>` : ""));
  const claimsHtml = items.slice(0, model.claims.length).join("\n");
  const orphanedHtml = model.orphaned.length
    ? `<section><h2>Claims no longer in the latest text</h2><p class="facts">Kept with their reviews; readers do not see them.</p><ul class="claims">\n${items.slice(model.claims.length).join("\n")}\n</ul></section>`
    : "";

  const sourcesHtml = model.sources.length
    ? `<ol class="sources">${model.sources.map(({ number, source }) => `<li id="source-${number}">${escapeHtml(sourceLine(source))}. ${link(source.url)}</li>`).join("")}</ol>`
    : "<p>No approved verdict cites a source yet.</p>";

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Fact-check report: ${escapeHtml(article.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${escapeHtml(article.title)}</h1><p>Fact-check report</p><dl class="meta">${metaHtml}</dl></header>
<main>
<section><h2>Summary</h2>
<p>${model.claims.length} claims, ${approved} with an approved verdict${model.dismissedCount ? `; ${model.dismissedCount} dismissed and not listed` : ""}.</p>
<figure>${verdictChartSvg(model)}<figcaption>Claims by approved verdict</figcaption></figure>
<table><thead><tr><th>Kind</th><th>Claims</th></tr></thead><tbody>${kinds}</tbody></table>
</section>
${numberChecksHtml(model.numberChecks)}
${articleHtml}
<section><h2>Claims</h2>
<ol class="claims">
${claimsHtml}
</ol>
</section>
${orphanedHtml}
<section><h2>Sources</h2>${sourcesHtml}</section>
<p class="screen-only facts">To make a PDF, print this page and choose “Save as PDF”.</p>
</main>
</body>
</html>
`;
}

/** Where the figures disagree: each check with its arithmetic, the claims it names (linked to their entries) and its explanation. */
function numberChecksHtml(checks: readonly ReportNumberCheck[]): string {
  if (checks.length === 0) return `<section><h2>Number checks</h2><p>No number check found: the article's figures agree with each other.</p></section>`;
  const explained = checks.filter((c) => c.explanation).length;
  const items = checks.map((check) => {
    const claims = check.claims
      .map((c) => `<li><a href="#entry-${escapeHtml(c.id)}">${c.number === null ? "" : `${c.number}. `}“${escapeHtml(c.text)}”</a></li>`)
      .join("");
    const explanation = check.explanation
      ? `<p class="explained"><strong>Explained</strong> by ${escapeHtml(check.explanation.explainedBy)}: ${escapeHtml(check.explanation.reason)}</p>`
      : `<p class="facts">Not yet explained.</p>`;
    return (
      `<li data-finding="${escapeHtml(check.key)}"><p><strong>Check:</strong> ${escapeHtml(check.message)}</p>` +
      `<dl><dt>Computation</dt><dd>${escapeHtml(check.computation)}</dd><dt>Expected</dt><dd>${escapeHtml(check.expected)}</dd>` +
      `<dt>Stated</dt><dd>${escapeHtml(check.stated)}</dd><dt>Tolerance</dt><dd>${escapeHtml(check.tolerance)}</dd></dl>` +
      `<p class="facts">Claims involved:</p><ul>${claims}</ul>${explanation}</li>`
    );
  });
  return `<section><h2>Number checks</h2><p>${checks.length} ${checks.length === 1 ? "check" : "checks"}, ${explained} explained.</p><ol class="number-checks">\n${items.join("\n")}\n</ol></section>`;
}

/** A source reference: its note's number, linked to the note; a claim readers do not see links the source itself. */
function sourceRef(c: ReportCitation): string {
  return c.number === null ? link(c.source.url, c.source.title?.trim() || c.source.url) : `<a href="#source-${c.number}">[${c.number}]</a>`;
}

function claimItem(entry: ReportClaim, noteHtml: string): string {
  const { claim } = entry;
  const head = entry.verdict
    ? `<span class="verdict" data-verdict="${escapeHtml(entry.verdict.id)}">${escapeHtml(verdictText(entry.verdict))}</span>`
    : `<span class="verdict">Not yet approved</span> <span class="facts">(${escapeHtml(claim.state.replace(/_/g, " "))})</span>`;
  const facts = [
    escapeHtml(entry.kindLabel),
    entry.approved?.confidence ? `confidence ${escapeHtml(entry.approved.confidence)}` : "",
    entry.reviews.length ? `reviewed by ${escapeHtml(entry.reviews.map((r) => r.reviewer).join(", "))}` : "",
    entry.approvedBy ? `approved by ${escapeHtml(entry.approvedBy)}` : "",
    entry.citations.length ? `sources ${entry.citations.map(sourceRef).join(" ")}` : "",
  ].filter(Boolean);
  const excerpts = entry.citations
    .filter((c) => c.citation.excerpt.trim())
    .map((c) => `<p class="excerpt">${c.number === null ? "" : `[${c.number}] `}${escapeHtml(c.citation.stance)}: “${escapeHtml(c.citation.excerpt.trim())}”</p>`)
    .join("");
  return (
    `<li id="entry-${escapeHtml(claim.id)}"><p>${head}</p>` +
    `<blockquote class="claim-text">${escapeHtml(claim.text)}</blockquote>` +
    (claim.context ? `<p class="facts">Context: ${escapeHtml(claim.context)}</p>` : "") +
    `<p class="facts">${facts.join(" · ")}</p>${noteHtml}${excerpts}</li>`
  );
}
