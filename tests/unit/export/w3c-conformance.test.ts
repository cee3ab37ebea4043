/**
 * Issue 10's must-show for the W3C export: the annotations of an article with emoji, of one with
 * inline Markdown and of an empty one pass the W3C test material's MUST assertions, and every
 * selector counts code points into exactly the plain text the target URL serves.
 */
import Ajv from "ajv";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importArticle } from "@/lib/articles/import-article";
import type { Database } from "@/lib/db/create-database";
import { loadArticleExport } from "@/lib/export/load-article-export";
import { formatWebAnnotations, revisionTextUrl, type Annotation, type AnnotationCollection } from "@/lib/export/web-annotations";
import { readRevisionText, revisionTextResponse } from "@/lib/reading/revision-text";
import { addClaim } from "@/lib/review/add-claim";
import { splitClaim } from "@/lib/review/split-claim";
import { tempDatabase } from "@/tests/support/temp-database";
import schema from "./w3c-annotation-musts.schema.json";

const BASE = "https://desk.example";

/** Emoji (astral characters, two UTF-16 units each) before, inside and after claims. */
const EMOJI_MARKDOWN = `# Harbor 🚢 budget 🎉

🎉🎉 The city spent $4.2 million 💰 on road repairs in 2023, up from $3.1 million in 2022.

The council approved 12 new buses 🚌 in 2024, according to the transit office.
`;

/** Claims holding bold, a link, inline code and an entity: none of that syntax is in the text a reader sees. */
const INLINE_MARKDOWN = `# Harbor 🚢 roads

The city spent **$4.2 million** on [road repairs](https://harbor.example/roads "Roads") in 2023, up from $3.1 million in 2022.

The \`roads-2024\` plan funds 18 new crossings &amp; 40 km of bike lanes, the transit office said in March.

Bus ridership rose 12% in 2023, and the harbor ferry carried 1.2 million riders.

\`\`\`
roads_budget_2023 = 4_200_000
\`\`\`
`;

const MARKDOWN_SYNTAX = /\*\*|\]\(|`|&amp;|&#|https:\/\//;

const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addFormat("uri", (value: string) => URL.canParse(value) && /^[a-z][a-z0-9+.-]*:/i.test(value));
ajv.addFormat("date-time", (value: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value) && !Number.isNaN(Date.parse(value)));
ajv.addSchema(schema);
const validateCollection = ajv.getSchema(`${schema.$id}#/definitions/collection`)!;
const validateAnnotation = ajv.getSchema(`${schema.$id}#/definitions/annotation`)!;

/** The collection and each of its annotations (with the @context it inherits) against the MUST assertions. */
function expectMusts(collection: AnnotationCollection) {
  const json = JSON.parse(JSON.stringify(collection)) as AnnotationCollection;
  expect(validateCollection(json), ajv.errorsText(validateCollection.errors)).toBe(true);
  for (const annotation of json.first?.items ?? []) {
    const standalone = { "@context": json["@context"], ...annotation };
    expect(validateAnnotation(standalone), `${annotation.id}: ${ajv.errorsText(validateAnnotation.errors)}`).toBe(true);
  }
}

/** A claim drawn over code alone: no words in the plain text, so a quote and no position. */
const CODE_ONLY = "roads_budget_2023 = 4_200_000";

function selectorsOf(annotation: Annotation) {
  const [quote, position] = annotation.target.selector;
  if (quote?.type !== "TextQuoteSelector" || position?.type !== "TextPositionSelector") throw new Error(`${annotation.id}: selectors missing or out of order`);
  return { quote, position };
}

/**
 * Fetches what each annotation's target URL serves (through the route's own response, as a reader
 * would) and checks that slicing it by code points at the position gives exactly the quote, and
 * that the prefix and suffix are exactly the code points beside it. Returns how many positions
 * would have been wrong had they counted UTF-16 units.
 */
async function expectSelectorsInServedText(db: Database, slug: string, collection: AnnotationCollection): Promise<number> {
  const served = new Map<string, string[]>();
  let shifted = 0;
  for (const annotation of collection.first?.items ?? []) {
    const url = annotation.target.source.id;
    expect(annotation.target.source.format).toBe("text/plain");
    if (!served.has(url)) {
      const number = Number(url.split("/").pop());
      expect(url).toBe(revisionTextUrl(BASE, slug, number));
      const response = revisionTextResponse(await readRevisionText(db, slug, number), null);
      expect(response.status, url).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
      served.set(url, Array.from(await response.text()));
    }
    const codePoints = served.get(url)!;
    if (annotation.target.selector.length === 1) {
      expect(annotation.target.selector).toEqual([{ type: "TextQuoteSelector", exact: CODE_ONLY, prefix: "", suffix: "" }]);
      continue;
    }
    const { quote, position } = selectorsOf(annotation);
    expect(codePoints.slice(position.start, position.end).join(""), annotation.id).toBe(quote.exact);
    expect(codePoints.slice(position.start - Array.from(quote.prefix).length, position.start).join("")).toBe(quote.prefix);
    expect(codePoints.slice(position.end, position.end + Array.from(quote.suffix).length).join("")).toBe(quote.suffix);
    expect(quote.exact.trim().length).toBeGreaterThan(0);
    if (codePoints.join("").slice(position.start, position.end) !== quote.exact) shifted++;
  }
  return shifted;
}

describe("annotations.jsonld against the W3C test material's MUST assertions", () => {
  let temp: ReturnType<typeof tempDatabase>;
  let db: Database;
  let manualText = "";
  let splitTail = "";

  beforeAll(async () => {
    temp = tempDatabase();
    db = temp.db;
    const published = { status: "published", publishedAt: new Date("2026-12-01T09:00:00Z") } as const;
    await importArticle(db, { text: EMOJI_MARKDOWN, fileName: "emoji-budget.md" });
    await db.article.update({ where: { slug: "emoji-budget" }, data: published });
    await importArticle(db, { text: "# Nothing to check\n", fileName: "empty-article.md" });
    await db.claim.deleteMany({ where: { article: { slug: "empty-article" } } });

    await importArticle(db, { text: INLINE_MARKDOWN, fileName: "inline-roads.md" });
    await db.article.update({ where: { slug: "inline-roads" }, data: published });
    const reviewer = await db.user.create({ data: { email: "ann@desk.example", name: "Ann Reviewer", role: "reviewer" } });
    const viewer = { id: reviewer.id, role: "reviewer" as const, email: reviewer.email, name: reviewer.name };
    const revision = await db.revision.findFirstOrThrow({ where: { article: { slug: "inline-roads" } } });
    // A manual claim drawn across the bold and the link, from inside their syntax.
    const from = INLINE_MARKDOWN.indexOf("**$4.2");
    const to = INLINE_MARKDOWN.indexOf('"Roads")') + '"Roads")'.length;
    manualText = (await addClaim(db, { revisionId: revision.id, sourceStart: from, sourceEnd: to, viewer })).text;
    // A split claim: its tail starts after the inline code.
    const crossings = await db.claim.findFirstOrThrow({ where: { revisionId: revision.id, text: { contains: "crossings" }, origin: { not: "manual" } } });
    splitTail = (await splitClaim(db, { claimId: crossings.id, at: crossings.text.indexOf("funds"), viewer })).second.text;
    const code = INLINE_MARKDOWN.indexOf(CODE_ONLY);
    await addClaim(db, { revisionId: revision.id, sourceStart: code, sourceEnd: code + CODE_ONLY.length, viewer });
  }, 60_000);
  afterAll(async () => temp.dispose());

  it("the schema rejects what the model forbids: an empty page, a missing target, a negative offset", () => {
    const page = { id: `${BASE}/c#p`, type: "AnnotationPage", items: [] };
    expect(validateCollection({ "@context": "http://www.w3.org/ns/anno.jsonld", id: `${BASE}/c`, type: "AnnotationCollection", total: 0, first: page })).toBe(false);
    expect(validateCollection({ "@context": "http://www.w3.org/ns/anno.jsonld", id: `${BASE}/c`, type: "AnnotationCollection", total: 2 })).toBe(false);
    expect(validateAnnotation({ "@context": "http://www.w3.org/ns/anno.jsonld", id: `${BASE}/a`, type: "Annotation" })).toBe(false);
    const target = { source: `${BASE}/t`, selector: { type: "TextPositionSelector", start: -1, end: 2 } };
    expect(validateAnnotation({ "@context": "http://www.w3.org/ns/anno.jsonld", id: `${BASE}/a`, type: "Annotation", target })).toBe(false);
  });

  it("an article with emoji passes, and every TextPositionSelector counts code points into the served plain text", async () => {
    const data = await loadArticleExport(db, { slug: "emoji-budget" });
    const collection = formatWebAnnotations(data, { baseUrl: BASE });
    expect(collection.total).toBeGreaterThan(0);
    expectMusts(collection);
    expect(collection["@context"][1]).toEqual({ assessing: "oa:assessing" });
    expect(collection.last).toBe(collection.first!.id);
    expect(collection.first!.partOf.id).toBe(collection.id);
    for (const annotation of collection.first!.items) expect(annotation.created && annotation.creator && annotation.generator).toBeTruthy();
    // The emoji before the claims move code points and UTF-16 units apart: UTF-16 offsets would be wrong here.
    expect(await expectSelectorsInServedText(db, "emoji-budget", collection)).toBeGreaterThan(0);
  });

  it("an article with inline Markdown passes, its quotes hold no Markdown syntax, manual and split claims get both selectors, a claim over code alone a quote only", async () => {
    const collection = formatWebAnnotations(await loadArticleExport(db, { slug: "inline-roads" }), { baseUrl: BASE });
    expectMusts(collection);
    await expectSelectorsInServedText(db, "inline-roads", collection);
    const codeOnly = collection.first!.items.filter((a) => a.target.selector.length === 1);
    expect(codeOnly).toHaveLength(1);
    const items = collection.first!.items.filter((a) => !codeOnly.includes(a));
    for (const annotation of items) {
      const { quote } = selectorsOf(annotation);
      expect(`${quote.prefix}${quote.exact}${quote.suffix}`, annotation.id).not.toMatch(MARKDOWN_SYNTAX);
    }
    const exacts = items.map((a) => selectorsOf(a).quote.exact);
    expect(manualText).toContain("**");
    expect(exacts).toContain("$4.2 million on road repairs");
    expect(splitTail.startsWith("funds")).toBe(true);
    expect(exacts.some((e) => e.startsWith("funds 18 new crossings & 40 km"))).toBe(true);
    expect(exacts.some((e) => e.includes("$3.1 million in 2022"))).toBe(true);
  });

  it("the target answers: a published article's revision is public plain text, a missing revision a 404", async () => {
    const response = revisionTextResponse(await readRevisionText(db, "emoji-budget", 1), null);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toMatch(/^public/);
    expect(response.headers.get("etag")).toMatch(/^"[\w-]+"$/);
    expect(await response.text()).toBe(
      "Harbor 🚢 budget 🎉\n\n🎉🎉 The city spent $4.2 million 💰 on road repairs in 2023, up from $3.1 million in 2022.\n\nThe council approved 12 new buses 🚌 in 2024, according to the transit office.",
    );
    expect(revisionTextResponse(await readRevisionText(db, "emoji-budget", 2), null).status).toBe(404);
    expect(revisionTextResponse(await readRevisionText(db, "no-such-article", 1), null).status).toBe(404);
  });

  it("a draft's revision text is hidden from readers and shown to staff, never cached", async () => {
    const found = await readRevisionText(db, "empty-article", 1);
    expect(revisionTextResponse(found, null).status).toBe(404);
    const staff = revisionTextResponse(found, { id: "u", role: "reviewer", email: "r@desk.example", name: null });
    expect(staff.status).toBe(200);
    expect(staff.headers.get("cache-control")).toBe("private, no-store");
    expect(await staff.text()).toBe("Nothing to check");
  });

  it("an article without claims is a collection of total 0 with no page, and passes", async () => {
    const collection = formatWebAnnotations(await loadArticleExport(db, { slug: "empty-article" }), { baseUrl: BASE });
    expect(collection.total).toBe(0);
    expect(collection.first).toBeUndefined();
    expect(collection.last).toBeUndefined();
    expectMusts(collection);
  });
});
