import { describe, expect, it } from "vitest";
import { escapeHtml, formatHtmlReport } from "@/lib/export/html-report";
import { formatMarkdownReport } from "@/lib/export/markdown-report";
import type { Database } from "@/lib/db/create-database";
import { exportArticle } from "@/lib/export/export-article";
import { EXPORT_FORMATS, renderExport, type ExportFormat } from "@/lib/export/render-export";
import type { ArticleExport } from "@/lib/export/types";
import { FIXTURE_SLUG, SOURCES, type Fixture, useExportFixture } from "./fixture";

describe("Markdown and HTML reports", () => {
  let fixture: Fixture;
  let data: ArticleExport;
  let db: Database;
  useExportFixture((loaded) => ({ fixture, data, db } = loaded));

  it("loads every part of the article and no password hash", () => {
    expect(data.article.slug).toBe(FIXTURE_SLUG);
    expect(data.revisions).toHaveLength(1);
    expect(data.claims.length).toBeGreaterThanOrEqual(6);
    expect(data.reviews).toHaveLength(6);
    expect(data.citations).toHaveLength(6);
    expect(data.sources).toHaveLength(5);
    expect(data.users.map((u) => u.email).sort()).toEqual(["ann@desk.example", "bo@desk.example", "eve@desk.example"]);
    expect(JSON.stringify(data)).not.toMatch(/scrypt|passwordHash/);
    expect(data.auditEvents.map((e) => e.action)).toContain("claim.approve");
  });

  it("the Markdown report has the metadata, the summary, every approved verdict and every cited source, numbered", () => {
    const md = formatMarkdownReport(data, { generatedAt: "2024-04-01T00:00:00.000Z" });
    expect(md).toMatch(/^# Fact-check report: Harbor City budget, "by the numbers"/);
    expect(md).toContain("- **Publisher:** Harbor Gazette");
    expect(md).toContain("| Accurate | 5 | 1 |");
    expect(md).toContain("| False | 1 | 1 |");
    // Every live claim without an approved verdict; the extractor decides how many the fixture has.
    const pending = data.claims.filter((c) => c.state !== "dismissed" && c.state !== "approved").length;
    expect(pending).toBeGreaterThanOrEqual(1);
    expect(md).toContain(`| Not yet approved | – | ${pending} |`);
    for (const label of fixture.approvedVerdictLabels) expect(md).toContain(`**Verdict:** ${label}`);
    expect(md).toContain("Accurate (5/5)");
    expect(md).toContain("Unsupported (unrated)");
    // The sources section lists each cited source once, numbered in order of first use.
    const sources = md.slice(md.indexOf("## Sources"));
    for (const source of fixture.approvedSources) expect(sources).toContain(new URL(source.url).href);
    expect(sources.match(/^\d+\. /gm)).toHaveLength(4);
    expect(sources).toContain("1. Adopted budget 2023, \"roads\" chapter — Harbor City. <https://harbor.example/budget-2023.pdf?utm_source=mail>");
    // The shared source keeps its number: the manual claim cites [1] again.
    expect(md).toMatch(/Unsupported[\s\S]*\*\*Sources:\*\* \\\[1\\\]/);
    // Evidence of a verdict that is not approved is not reported; dismissed claims are counted, not listed.
    expect(md).not.toContain(SOURCES.pending.url);
    expect(md).toContain("1 dismissed and not listed");
    expect(md).not.toContain("> Under the new rules, residents are:");
  });

  it("the Markdown report keeps a multi-line claim in one quote and escapes Markdown in claim text", () => {
    const md = formatMarkdownReport(data);
    expect(md).toContain('> The mayor said the program "cut response times in half" across\n> every district.');
    expect(md).toContain("Council member Jo Lee said");
    expect(md).toContain("Reviewed by:** bo@desk.example");
  });

  it("the Markdown report keeps notes' Markdown but shows raw HTML in them as text", () => {
    const md = formatMarkdownReport(data);
    expect(md).toContain("The adopted budget shows **$4.2 million**, and 2022's shows $3.1 million.");
    // `<` written as `&lt;`: every Markdown viewer shows it, none makes a tag of it (report-md-html.test.ts).
    expect(md).toContain('Fee applies only to motor boats. &lt;img src=x onerror="alert(1)"> &lt;script>alert(2)&lt;/script>');
    expect(md).not.toMatch(/<script|<img/i);
  });

  it("exportArticle names each file <slug>-<format> with its content type; the backup is version 2", async () => {
    const types: Record<ExportFormat, RegExp> = {
      "report.md": /^text\/markdown; charset=utf-8$/,
      "report.html": /^text\/html/,
      "claims.csv": /^text\/csv; charset=utf-8$/,
      "claimreview.jsonld": /^application\/ld\+json/,
      "annotations.jsonld": /^application\/ld\+json/,
      "backup.json": /^application\/json/,
    };
    for (const format of EXPORT_FORMATS) {
      const file = await exportArticle(db, { slug: FIXTURE_SLUG, format, baseUrl: "https://desk.example" });
      expect(file.fileName).toBe(`${FIXTURE_SLUG}-${format}`);
      expect(file.contentType).toMatch(types[format]);
      expect(file.body.length).toBeGreaterThan(100);
      if (format.endsWith("json") || format.endsWith("jsonld")) expect(() => JSON.parse(file.body)).not.toThrow();
    }
    const reviews = JSON.parse(renderExport(data, "claimreview.jsonld", { baseUrl: "https://desk.example" }).body) as { reviewRating: { alternateName: string } }[];
    expect(reviews.map((r) => r.reviewRating.alternateName).sort()).toEqual([...fixture.approvedVerdictLabels].sort());
    // The download is the version-2 backup, anchors included (lib/export/load-backup.ts).
    const backup = JSON.parse((await exportArticle(db, { slug: FIXTURE_SLUG, format: "backup.json", baseUrl: "https://desk.example" })).body) as { version: number; claimAnchors: { claimId: string }[] };
    expect(backup.version).toBe(2);
    expect(backup.claimAnchors.length).toBeGreaterThan(0);
    expect(backup.claimAnchors.every((a) => data.claims.some((c) => c.id === a.claimId))).toBe(true);
  });

  it("the HTML report is a standalone printable document with a chart, every approved verdict and every cited source", () => {
    const html = formatHtmlReport(data, { generatedAt: "2024-04-01T00:00:00.000Z" });
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain("@media print");
    expect(html).not.toMatch(/<link|<script/i);
    const pending = data.claims.filter((c) => c.state !== "dismissed" && c.state !== "approved").length;
    expect(html).toContain(
      `<svg class="chart" role="img" aria-label="Claims by verdict: Accurate: 1, Mostly accurate: 0, Missing context: 1, Misleading: 0, False: 1, Unsupported: 1, Opinion: 0, Not yet approved: ${pending}"`,
    );
    for (const label of fixture.approvedVerdictLabels) expect(html).toMatch(new RegExp(`class="verdict" data-verdict="[a-z_]+">${label} \\(`));
    const sources = html.slice(html.indexOf("<ol class=\"sources\">"));
    for (const source of fixture.approvedSources) expect(sources).toContain(`href="${escapeHtml(new URL(source.url).href)}"`);
    expect(sources).toContain("Harbor parking signs, &lt;photos&gt;");
    expect(html).not.toContain(SOURCES.pending.url);
    // The article text carries the claim marks.
    expect(html).toContain(`id="claim-${fixture.claims.parking.id}"`);
  });

  it("the HTML report leaves the article text out of very long articles, saying so", () => {
    const html = formatHtmlReport(data, { articleText: false });
    expect(html).toContain("Left out: this article has");
    expect(html).not.toContain(`id="claim-${fixture.claims.parking.id}"`);
    for (const label of fixture.approvedVerdictLabels) expect(html).toContain(`>${label} (`);
  });

  it("the HTML report escapes text and sanitises notes", () => {
    const html = formatHtmlReport(data);
    expect(html).toContain("<title>Fact-check report: Harbor City budget, &quot;by the numbers&quot;</title>");
    expect(html).toContain("&quot;cut response times in half&quot;");
    expect(html).toContain("<strong>$4.2 million</strong>");
    expect(html).toContain("Fee applies only to motor boats.");
    expect(html).not.toMatch(/onerror|<script|<img/i);
  });
});
