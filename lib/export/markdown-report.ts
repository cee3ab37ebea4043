import { isHttpUrl } from "@/lib/domain/http-url";
import { humanDate } from "./human-date";
import { noteMarkdown } from "./note-markdown";
import { buildReportModel, sourceLine, verdictText, type ReportCitation, type ReportClaim, type ReportNumberCheck } from "./report-model";
import type { ArticleExport } from "./types";

/**
 * Escapes the characters that would turn claim or source text into Markdown syntax or HTML: a
 * backslash before Markdown's, and `<` as `&lt;` (with a `&` that would start an entity as `&amp;`),
 * since not every Markdown viewer honours `\\<` and some render raw HTML.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/&(?=#?\w+;)/g, "&amp;").replace(/[\\`*_[\]>#|~!]/g, (c) => `\\${c}`).replace(/</g, "&lt;");
}

/** Every line prefixed for a block quote, so a claim with newlines stays one quote. */
function quote(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => (line.trim() === "" ? ">" : `> ${escapeMarkdown(line)}`))
    .join("\n");
}

/**
 * An http(s) address as an autolink `<…>` (safe for a URL without spaces or angle brackets: the URL
 * parser encodes those); any other address, `javascript:` and the like, as plain text.
 */
function autolink(url: string): string {
  return isHttpUrl(url) ? `<${new URL(url).href}>` : escapeMarkdown(url);
}

/**
 * report.md: the article's metadata, a summary by verdict and kind, the number checks (where the
 * article's figures disagree with each other, explained or not), every listed claim in reading
 * order with its approved verdict (label and rating), confidence, reviewers and the approved note,
 * and the sources of the approved verdicts as numbered notes [n] at the end.
 */
export function formatMarkdownReport(data: ArticleExport, options: { generatedAt?: string } = {}): string {
  const model = buildReportModel(data);
  const { article } = data;
  const out: string[] = [];

  out.push(`# Fact-check report: ${escapeMarkdown(article.title)}`, "");
  const meta: [string, string | null][] = [
    ["Slug", article.slug],
    ["Publisher", article.publisher],
    ["Author", article.author],
    ["Published", humanDate(article.publishedOn)],
    ["Original", article.originalUrl],
    ["Status", article.status],
    ["Revision", model.latestRevision ? `${model.latestRevision.number} (sha256 ${model.latestRevision.contentHash.slice(0, 12)})` : null],
    ["Checked and published", humanDate(article.publishedAt)],
    ["Generated", humanDate(options.generatedAt)],
  ];
  for (const [label, value] of meta) {
    if (value) out.push(`- **${label}:** ${label === "Original" ? autolink(value) : escapeMarkdown(value)}`);
  }
  out.push("", "## Summary", "");
  const approved = model.claims.length - model.notApprovedCount;
  out.push(`${model.claims.length} claims, ${approved} with an approved verdict${model.dismissedCount ? `; ${model.dismissedCount} dismissed and not listed` : ""}.`, "");
  out.push("| Verdict | Rating | Claims |", "| --- | --- | ---: |");
  for (const { verdict, count } of model.byVerdict) out.push(`| ${verdict.label} | ${verdict.rating ?? "unrated"} | ${count} |`);
  out.push(`| Not yet approved | – | ${model.notApprovedCount} |`, "");
  out.push("| Kind | Claims |", "| --- | ---: |");
  for (const { label, count } of model.byKind) out.push(`| ${label} | ${count} |`);
  out.push("");
  numberChecksSection(out, model.numberChecks);
  out.push("## Claims", "");

  for (const entry of model.claims) claimSection(out, entry, `### ${entry.number}. `, `claim${entry.number}-`);
  if (model.orphaned.length > 0) {
    out.push("## Claims no longer in the latest text", "", "Kept with their reviews; readers do not see them.", "");
    model.orphaned.forEach((entry, i) => claimSection(out, entry, "### ", `orphan${i + 1}-`));
  }

  out.push("## Sources", "");
  if (model.sources.length === 0) out.push("No approved verdict cites a source yet.", "");
  for (const { number, source } of model.sources) out.push(`${number}. ${escapeMarkdown(sourceLine(source))}. ${autolink(source.url)}`);
  return `${out.join("\n").trimEnd()}\n`;
}

/** The report's own "[1]": escaped, so no definition anywhere can make it a link. */
function noteRef(citation: ReportCitation): string {
  return citation.number === null ? escapeMarkdown(citation.source.title?.trim() || citation.source.url) : `\\[${citation.number}\\]`;
}

function claimSection(out: string[], entry: ReportClaim, heading: string, footnotePrefix: string): void {
  const { claim } = entry;
  out.push(`${heading}${entry.kindLabel}: ${entry.verdict ? verdictText(entry.verdict) : "not yet approved"}`, "");
  out.push(quote(claim.text), "");
  if (claim.context) out.push(`Context: ${escapeMarkdown(claim.context)}`, "");
  const facts: string[] = [];
  if (entry.verdict) facts.push(`**Verdict:** ${entry.verdict.label}`, `**Rating:** ${entry.verdict.rating === null ? "unrated" : `${entry.verdict.rating} of 5`}`);
  else facts.push(`**State:** ${claim.state.replace(/_/g, " ")}`);
  if (entry.approved?.confidence) facts.push(`**Confidence:** ${entry.approved.confidence}`);
  if (entry.reviews.length > 0) facts.push(`**Reviewed by:** ${entry.reviews.map((r) => escapeMarkdown(r.reviewer)).join(", ")}`);
  if (entry.approvedBy) facts.push(`**Approved by:** ${escapeMarkdown(entry.approvedBy)}`);
  if (entry.citations.length > 0) facts.push(`**Sources:** ${entry.citations.map(noteRef).join(" ")}`);
  out.push(facts.map((f) => `- ${f}`).join("\n"), "");
  // The note is the reviewer's own Markdown: kept as written, less raw HTML, and kept to itself.
  const note = entry.approved ? noteMarkdown(entry.approved.note, { footnotePrefix }) : "";
  if (note) out.push("**Note:**", "", note, "");
  for (const c of entry.citations) {
    const excerpt = c.citation.excerpt.replace(/\s+/g, " ").trim();
    if (excerpt) out.push(`${noteRef(c)} ${c.citation.stance}: “${escapeMarkdown(excerpt)}”`, "");
  }
}

/** Where the figures disagree: each check with its arithmetic, the claims it names and its explanation. */
function numberChecksSection(out: string[], checks: readonly ReportNumberCheck[]): void {
  out.push("## Number checks", "");
  if (checks.length === 0) {
    out.push("No number check found: the article's figures agree with each other.", "");
    return;
  }
  const explained = checks.filter((c) => c.explanation).length;
  out.push(`${checks.length} ${checks.length === 1 ? "check" : "checks"}, ${explained} explained.`, "");
  checks.forEach((check, i) => {
    const claims = check.claims.map((c) => `${c.number === null ? "" : `${c.number}. `}“${escapeMarkdown(oneLine(c.text))}”`).join("; ");
    out.push(
      `${i + 1}. **Check:** ${escapeMarkdown(check.message)}`,
      `   - **Claims:** ${claims}`,
      `   - **Computation:** ${escapeMarkdown(check.computation)}`,
      `   - **Expected:** ${escapeMarkdown(check.expected)}; **stated:** ${escapeMarkdown(check.stated)}`,
      `   - **Tolerance:** ${escapeMarkdown(check.tolerance)}`,
      check.explanation
        ? `   - **Explained** by ${escapeMarkdown(check.explanation.explainedBy)}: ${escapeMarkdown(oneLine(check.explanation.reason))}`
        : "   - **Not yet explained**",
    );
  });
  out.push("");
}

/** A reason typed over several lines, kept inside its list item. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
