import type { FootnoteDefinition, FootnoteReference, Root } from "mdast";
import { HtmlValidate } from "html-validate";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/create-database";
import { getExportSummary } from "@/lib/export/get-export-summary";
import { formatHtmlReport } from "@/lib/export/html-report";
import { loadArticleExport } from "@/lib/export/load-article-export";
import { formatMarkdownReport } from "@/lib/export/markdown-report";
import { publishedVerdictsOfExport, readingViewOfExport } from "@/lib/export/published-view";
import { buildReportModel } from "@/lib/export/report-model";
import { readReadingView } from "@/lib/reading/read-reading-view";
import { renderReadingDocument } from "@/lib/reading/reading-document";
import { renderReadingMarkup } from "@/lib/reading/reading-markup";
import { publishedVerdicts } from "@/lib/reading/published-verdicts";
import { normalizeUrl } from "@/lib/review/normalize-url";
import { tempDatabase } from "@/tests/support/temp-database";
import { buildFixture, FIXTURE_SLUG } from "./fixture";

/** Two notes that both say [^1], one with a `[1]: URL` definition that must not turn "Sources: [1]" into a link. */
const FIRST_NOTE = "The budget says so[^1], see [the ledger][1].\n\n[^1]: First note's footnote.\n\n[1]: https://ledger.example/2023";
const SECOND_NOTE = "Signs disagree[^1].\n\n[^1]: Second note's footnote.";

/** Every `href="#…"` of an HTML document, and every id in it. */
function fragmentLinks(html: string) {
  const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
  const hrefs = [...html.matchAll(/\shref="#([^"]*)"/g)].map((m) => decodeURIComponent(m[1]!));
  return { ids, hrefs, missing: hrefs.filter((h) => !ids.includes(h)), duplicates: ids.filter((id, i) => ids.indexOf(id) !== i) };
}

describe("footnotes and fragment links in the reports and the reading view", () => {
  let temp: ReturnType<typeof tempDatabase>;
  let db: Database;

  beforeAll(async () => {
    temp = tempDatabase();
    db = temp.db;
    const fixture = await buildFixture(db);
    const { spending, parking } = fixture.claims;
    for (const [claim, note] of [[spending, FIRST_NOTE], [parking, SECOND_NOTE]] as const) {
      const approved = await db.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { approvedReviewId: true } });
      await db.review.update({ where: { id: approved.approvedReviewId! }, data: { note } });
    }
    const source = await db.source.create({ data: { url: "https://ledger.example/2023", normalizedUrl: normalizeUrl("https://ledger.example/2023"), title: "Ledger" } });
    expect(source.id).toBeTruthy();
  }, 60_000);
  afterAll(async () => temp.dispose());

  it("the reading view and the exports read the same published verdicts", async () => {
    const view = (await readReadingView(db, FIXTURE_SLUG))!;
    const data = await loadArticleExport(db, { slug: FIXTURE_SLUG });
    expect(readingViewOfExport(data)).toEqual(view);
    const shared = publishedVerdicts(view);
    const model = buildReportModel(data);
    expect(model.claims.map((c) => [c.claim.id, c.number, c.verdict?.id ?? null])).toEqual(shared.claims.map((c) => [c.id, c.number, c.approved?.verdict ?? null]));
    expect(model.sources.map((s) => [s.number, s.source.url])).toEqual(shared.notes.map((n) => [n.number, n.source.url]));
    expect(publishedVerdictsOfExport(data)!.summary).toEqual(shared.summary);
    // The report page's counts are the reports' counts.
    const summary = (await getExportSummary(db, { slug: FIXTURE_SLUG }))!;
    expect([summary.claims, summary.approved, summary.orphaned]).toEqual([model.claims.length, shared.summary.checked, model.orphaned.length]);
  });

  it("every fragment link of the HTML report resolves to one id, and html-validate passes it", async () => {
    const html = formatHtmlReport(await loadArticleExport(db, { slug: FIXTURE_SLUG }), { generatedAt: "2026-12-01T10:00:00.000Z" });
    const { hrefs, missing, duplicates } = fragmentLinks(html);
    // Two footnote references and two back-links, one pair per note.
    expect(hrefs.filter((h) => /fn(ref)?-1$/.test(h)).length).toBe(4);
    expect(missing).toEqual([]);
    expect(duplicates).toEqual([]);
    expect(html).toContain("First note's footnote.");
    expect(html).toContain("Second note's footnote.");
    expect(html).toContain("<dd>1 December 2026</dd>");

    // Recommended rules; the lower-case doctype is HTML5's own spelling, a style choice, not an error.
    const report = await new HtmlValidate({ extends: ["html-validate:recommended"], rules: { "doctype-style": "off" } }).validateString(html);
    const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`));
    expect(messages).toEqual([]);
  });

  it("every fragment link of the reading view resolves to one id", async () => {
    const view = (await readReadingView(db, FIXTURE_SLUG))!;
    const pageUrl = `https://desk.example/a/${FIXTURE_SLUG}`;
    const document = renderReadingDocument(renderReadingMarkup(view, { pageUrl }), { pageUrl, access: "public" });
    const html = document.before + document.after;
    const { hrefs, missing, duplicates } = fragmentLinks(html);
    expect(hrefs.some((h) => h.includes("fn-1"))).toBe(true);
    expect(missing).toEqual([]);
    expect(duplicates).toEqual([]);
  });

  it("the Markdown report keeps each note's footnotes to itself and no note's definition reaches the report's [1]", async () => {
    const md = formatMarkdownReport(await loadArticleExport(db, { slug: FIXTURE_SLUG }));
    const tree = unified().use(remarkParse).use(remarkGfm).parse(md) as Root;
    const definitions = new Map<string, string>();
    visit(tree, "footnoteDefinition", (node: FootnoteDefinition) => {
      expect(definitions.has(node.identifier)).toBe(false);
      definitions.set(node.identifier, md.slice(node.position!.start.offset, node.position!.end.offset));
    });
    const references: string[] = [];
    visit(tree, "footnoteReference", (node: FootnoteReference) => void references.push(node.identifier));
    expect(references).toHaveLength(2);
    expect(definitions.get(references[0]!)).toContain("First note's footnote.");
    expect(definitions.get(references[1]!)).toContain("Second note's footnote.");
    // No link definitions and no reference links are left: "[1]" is the report's own text.
    let references2 = 0;
    visit(tree, ["definition", "linkReference"], () => void references2++);
    expect(references2).toBe(0);
    expect(md).toContain("[the ledger](https://ledger.example/2023)");
    expect(md).toMatch(/\*\*Sources:\*\* \\\[1\\\]/);
  });
});
