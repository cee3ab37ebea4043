import Ajv from "ajv";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importArticle } from "@/lib/articles/import-article";
import type { Database } from "@/lib/db/create-database";
import { loadArticleExport } from "@/lib/export/load-article-export";
import { formatWebAnnotations, revisionTextUrl, type Annotation, type AnnotationCollection } from "@/lib/export/web-annotations";
import { readRevisionText, revisionTextResponse } from "@/lib/reading/revision-text";
import { tempDatabase } from "@/tests/support/temp-database";
import schema from "./w3c-annotation-musts.schema.json";

const BASE = "https://desk.example";

/** Emoji (astral characters, two UTF-16 units each) before, inside and after claims. */
const EMOJI_MARKDOWN = `# Harbor 🚢 budget 🎉

🎉🎉 The city spent $4.2 million 💰 on road repairs in 2023, up from $3.1 million in 2022.

The council approved 12 new buses 🚌 in 2024, according to the transit office.
`;

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

describe("annotations.jsonld against the W3C test material's MUST assertions", () => {
  let temp: ReturnType<typeof tempDatabase>;
  let db: Database;

  beforeAll(async () => {
    temp = tempDatabase();
    db = temp.db;
    await importArticle(db, { text: EMOJI_MARKDOWN, fileName: "emoji-budget.md" });
    await db.article.update({ where: { slug: "emoji-budget" }, data: { status: "published", publishedAt: new Date("2026-12-01T09:00:00Z") } });
    await importArticle(db, { text: "# Nothing to check\n", fileName: "empty-article.md" });
    await db.claim.deleteMany({ where: { article: { slug: "empty-article" } } });
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

  it("an article with emoji passes, and every TextPositionSelector counts code points into the served text", async () => {
    const data = await loadArticleExport(db, { slug: "emoji-budget" });
    const collection = formatWebAnnotations(data, { baseUrl: BASE });
    expect(collection.total).toBeGreaterThan(0);
    expectMusts(collection);
    expect(collection["@context"][1]).toEqual({ assessing: "oa:assessing" });
    expect(collection.last).toBe(collection.first!.id);
    expect(collection.first!.partOf.id).toBe(collection.id);

    const revision = data.revisions[0]!;
    const codePoints = Array.from(revision.text);
    let shifted = 0;
    for (const annotation of collection.first!.items as Annotation[]) {
      expect(annotation.target.source.id).toBe(revisionTextUrl(BASE, "emoji-budget", revision.number));
      expect(annotation.created && annotation.creator && annotation.generator).toBeTruthy();
      const [quote, position] = annotation.target.selector;
      if (quote?.type !== "TextQuoteSelector" || position?.type !== "TextPositionSelector") throw new Error("selectors out of order");
      expect(codePoints.slice(position.start, position.end).join("")).toBe(quote.exact);
      expect(codePoints.slice(0, position.start).join("").endsWith(quote.prefix)).toBe(true);
      expect(codePoints.slice(position.end).join("").startsWith(quote.suffix)).toBe(true);
      if (revision.text.slice(position.start, position.end) !== quote.exact) shifted++;
    }
    // The emoji before the claims move code points and UTF-16 units apart: the old offsets would be wrong here.
    expect(shifted).toBeGreaterThan(0);
  });

  it("the target answers: a published article's revision text is public, byte for byte what the offsets count in", async () => {
    const data = await loadArticleExport(db, { slug: "emoji-budget" });
    const response = revisionTextResponse(await readRevisionText(db, "emoji-budget", 1), null);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(response.headers.get("cache-control")).toMatch(/^public/);
    expect(await response.text()).toBe(data.revisions[0]!.text);
    expect(revisionTextResponse(await readRevisionText(db, "emoji-budget", 2), null).status).toBe(404);
  });

  it("a draft's revision text is hidden from readers and shown to staff", async () => {
    const found = await readRevisionText(db, "empty-article", 1);
    expect(revisionTextResponse(found, null).status).toBe(404);
    const staff = revisionTextResponse(found, { id: "u", role: "reviewer", email: "r@desk.example", name: null });
    expect(staff.status).toBe(200);
    expect(staff.headers.get("cache-control")).toBe("private, no-store");
  });

  it("an article without claims is a collection of total 0 with no page, and passes", async () => {
    const collection = formatWebAnnotations(await loadArticleExport(db, { slug: "empty-article" }), { baseUrl: BASE });
    expect(collection.total).toBe(0);
    expect(collection.first).toBeUndefined();
    expect(collection.last).toBeUndefined();
    expectMusts(collection);
  });
});
