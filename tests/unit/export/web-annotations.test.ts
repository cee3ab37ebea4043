import { describe, expect, it } from "vitest";
import { plainText } from "@/lib/claims";
import type { ArticleExport } from "@/lib/export/types";
import { ANNO_CONTEXT, formatWebAnnotations, revisionTextUrl, W3C_MOTIVATIONS } from "@/lib/export/web-annotations";
import { FIXTURE_SLUG, MANUAL_CLAIM_TEXT, SOURCES, type Fixture, useExportFixture } from "./fixture";

const BASE = "https://desk.example";

describe("annotations.jsonld (W3C Web Annotation)", () => {
  let fixture: Fixture;
  let data: ArticleExport;
  useExportFixture((loaded) => ({ fixture, data } = loaded));

  it("is an AnnotationCollection with the W3C context and one page of items", () => {
    const collection = JSON.parse(JSON.stringify(formatWebAnnotations(data, { baseUrl: BASE })));
    expect(collection["@context"]).toEqual(["http://www.w3.org/ns/anno.jsonld", { assessing: "oa:assessing" }]);
    expect(ANNO_CONTEXT).toBe("http://www.w3.org/ns/anno.jsonld");
    expect(collection.type).toBe("AnnotationCollection");
    expect(collection.id).toBe(`${BASE}/api/articles/${FIXTURE_SLUG}/export/annotations.jsonld`);
    expect(collection.first.type).toBe("AnnotationPage");
    expect(collection.total).toBe(collection.first.items.length);
  });

  it("every annotation has an id, a type, a W3C motivation and a target with both selectors on its revision's plain text", () => {
    const first = formatWebAnnotations(data, { baseUrl: BASE }).first!;
    const codePoints = Array.from(plainText(data.revisions[0]!.text));
    const ids = new Set<string>();
    for (const a of first.items) {
      expect(a.id.startsWith(`${BASE}/`)).toBe(true);
      ids.add(a.id);
      expect(a.type).toBe("Annotation");
      for (const m of [a.motivation].flat()) expect(W3C_MOTIVATIONS).toContain(m);
      for (const body of a.body ?? []) expect(W3C_MOTIVATIONS).toContain(body.purpose);
      expect(a.target.source).toEqual({ id: revisionTextUrl(BASE, FIXTURE_SLUG, 1), type: "Text", format: "text/plain", language: "en" });
      const quote = a.target.selector.find((s) => s.type === "TextQuoteSelector");
      const position = a.target.selector.find((s) => s.type === "TextPositionSelector");
      expect(quote && position).toBeTruthy();
      if (quote?.type === "TextQuoteSelector" && position?.type === "TextPositionSelector") {
        expect(codePoints.slice(position.start, position.end).join("")).toBe(quote.exact);
        expect(codePoints.slice(0, position.start).join("").endsWith(quote.prefix)).toBe(true);
        expect(codePoints.slice(position.end).join("").startsWith(quote.suffix)).toBe(true);
        expect(quote.prefix.length).toBeGreaterThan(0);
      }
    }
    expect(ids.size).toBe(first.items.length);
  });

  it("each listed claim is annotated, each review assesses it, and each citation links its source", () => {
    const first = formatWebAnnotations(data, { baseUrl: BASE }).first!;
    const claimAnnotations = first.items.filter((a) => a.id.includes("#claim-"));
    const reviewAnnotations = first.items.filter((a) => a.id.includes("#review-"));
    expect(claimAnnotations).toHaveLength(data.claims.filter((c) => c.state !== "dismissed").length);
    expect(reviewAnnotations).toHaveLength(data.reviews.length);
    for (const a of reviewAnnotations) expect(a.motivation).toBe("assessing");

    const parking = reviewAnnotations.find((a) => a.target.selector.some((s) => s.type === "TextQuoteSelector" && s.exact.includes("48 hours")))!;
    expect(parking.creator).toEqual({ type: "Person", name: "bo@desk.example" });
    expect(parking.body).toEqual([
      { type: "TextualBody", value: "False", purpose: "classifying", format: "text/plain", language: "en" },
      { type: "TextualBody", value: 'Signs say 24 hours, "not 48", since May.', purpose: "assessing", format: "text/markdown", language: "en" },
      { type: "SpecificResource", purpose: "linking", source: { id: SOURCES.signage.url, type: "Text", label: SOURCES.signage.title } },
    ]);
    const links = reviewAnnotations.flatMap((a) => a.body ?? []).filter((b) => b.purpose === "linking");
    expect(links).toHaveLength(data.citations.length);
    expect(fixture.claims.manual.text).toContain("\n");
    // The manual claim's words, its line break included, as a reader sees them (the front matter gone).
    const manual = claimAnnotations.find((a) => a.id.endsWith(`#claim-${fixture.claims.manual.id}`))!;
    expect(manual.target.selector.map((s) => s.type)).toEqual(["TextQuoteSelector", "TextPositionSelector"]);
    expect(manual.target.selector[0]).toMatchObject({ exact: MANUAL_CLAIM_TEXT });
  });
});
