import { readdirSync, readFileSync } from "node:fs";
import { dirname, extname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

import type { SourceFormat } from "@/lib/claims/types";

import {
  type DocumentScore,
  type GoldClaim,
  type GoldDocument,
  type GoldFile,
  type PredictedClaim,
  formatMisses,
  formatScore,
  intersectionOverUnion,
  locateQuote,
  poolScores,
  scoreDocument,
  spansMatch,
} from "../../support/score-claims";

// ---------------------------------------------------------------------------------------------------------
// (a) The scorer itself, on small hand-made cases, so a bar that passes or fails below means what it says.

const text =
  "Fares rose 6% in May. It was a sunny day. Share this article. The county bought the park in 1979. " +
  "Call your representative today. Agencies may hold people for up to 48 hours.";

/** A predicted claim exactly over `quote` (or over it widened by `extra` characters each side). */
function predict(quote: string, kind: string, extra: [number, number] = [0, 0]): PredictedClaim {
  const start = text.indexOf(quote);
  if (start === -1) throw new Error(`test quote not in text: ${quote}`);
  return { kind, sourceStart: start - extra[0], sourceEnd: start + quote.length + extra[1] };
}

const faresClaim: GoldClaim = { quote: "Fares rose 6% in May.", kinds: ["statistic"], required: true };
const labels: GoldDocument = {
  claims: [
    faresClaim,
    { quote: "The county bought the park in 1979.", kinds: ["factual"], required: true },
    { quote: "Agencies may hold people for up to 48 hours.", kinds: ["program_rule", "statistic"], required: true },
  ],
  none: ["Share this article.", "Call your representative today."],
};

const fares = predict("Fares rose 6% in May.", "statistic");
const county = predict("The county bought the park in 1979.", "factual");
const agencies = predict("Agencies may hold people for up to 48 hours.", "program_rule");
const perfect = [fares, county, agencies];

describe("scoreDocument", () => {
  it("gives a perfect prediction 1 on every figure", () => {
    const s = scoreDocument(labels, text, perfect);
    expect([s.recall, s.precision, s.kind, s.boundaries]).toEqual([1, 1, 1, 1]);
    expect(s.counts).toEqual({ required: 3, found: 3, kindOk: 3, clean: 3, onClaim: 3, onNone: 0, predicted: 3 });
    expect(s.misses.missed).toEqual([]);
  });

  it("counts a required claim nobody predicted as a miss", () => {
    const s = scoreDocument(labels, text, perfect.slice(0, 2));
    expect(s.recall).toBeCloseTo(2 / 3);
    expect(s.precision).toBe(1);
    expect(s.misses.missed).toEqual(["Agencies may hold people for up to 48 hours."]);
  });

  it("finds a claim with ragged boundaries but does not count it as clean", () => {
    // The claim is 35 characters; covering it plus the 20 before it gives IoU 35/55 ≈ 0.64: a match, not clean.
    const ragged = predict("The county bought the park in 1979.", "factual", [20, 0]);
    const s = scoreDocument(labels, text, [fares, ragged, agencies]);
    expect(s.recall).toBe(1);
    expect(s.boundaries).toBeCloseTo(2 / 3);
    expect(s.misses.ragged).toHaveLength(1);
    expect(s.misses.ragged[0]?.iou).toBeCloseTo(35 / 55);
  });

  it("counts a prediction on a none span against precision, and ignores one on unlabelled text", () => {
    const onNone = predict("Call your representative today.", "factual");
    const s = scoreDocument(labels, text, [...perfect, onNone]);
    expect(s.precision).toBe(3 / 4);
    expect(s.misses.onNone).toEqual(["Call your representative today."]);
    const t = scoreDocument(labels, text, [...perfect, predict("It was a sunny day.", "factual")]);
    expect(t.precision).toBe(1);
    expect(t.counts.predicted).toBe(4);
  });

  it("counts a found claim of a kind outside the accepted ones against kind accuracy only", () => {
    const wrong = predict("Fares rose 6% in May.", "policy_assertion");
    const s = scoreDocument(labels, text, [wrong, county, agencies]);
    expect([s.recall, s.precision, s.boundaries]).toEqual([1, 1, 1]);
    expect(s.kind).toBeCloseTo(2 / 3);
    expect(s.misses.wrongKind).toEqual([
      { quote: "Fares rose 6% in May.", predicted: ["policy_assertion"], accepted: ["statistic"] },
    ]);
  });

  it("accepts any of the listed kinds, and any matching prediction for kind and boundaries", () => {
    const asStatistic = predict("Agencies may hold people for up to 48 hours.", "statistic");
    const wideWrongKind = predict("Agencies may hold people for up to 48 hours.", "factual", [10, 0]);
    const s = scoreDocument(labels, text, [fares, county, wideWrongKind, asStatistic]);
    expect([s.recall, s.kind, s.boundaries]).toEqual([1, 1, 1]);
  });

  it("leaves optional claims out of recall but counts predictions on them as on a claim", () => {
    const optional: GoldDocument = {
      claims: [{ ...faresClaim, required: false }, ...labels.claims.slice(1)],
      none: labels.none,
    };
    expect(scoreDocument(optional, text, perfect.slice(1)).recall).toBe(1);
    const s = scoreDocument(optional, text, perfect);
    expect(s.counts.required).toBe(2);
    expect(s.counts.onClaim).toBe(3);
  });

  it("reports gold quotes it cannot find and predictions without a valid span", () => {
    const broken: GoldDocument = { claims: [{ quote: "Not in the text.", kinds: ["factual"], required: true }], none: [] };
    const s = scoreDocument(broken, text, [{ kind: "factual", sourceStart: 4, sourceEnd: 4 }]);
    expect(s.misses.notFound).toEqual(["Not in the text."]);
    expect(s.misses.invalid).toHaveLength(1);
    expect(s.counts.required).toBe(0);
    expect(s.recall).toBe(1); // nothing to find: 1 per document, as in the outside check
  });

  it("pools counts over documents, 0 where there is nothing to count", () => {
    const a = scoreDocument(labels, text, perfect);
    const b = scoreDocument(labels, text, perfect.slice(0, 1));
    const pooled = poolScores([a, b]);
    expect(pooled.recall).toBeCloseTo(4 / 6);
    expect(pooled.counts.predicted).toBe(4);
    expect(poolScores([]).recall).toBe(0);
    expect(formatScore("doc", a)).toBe(
      "doc: recall 1.00 (3/3), precision 1.00 (0 on non-claims), kind 1.00, boundaries 1.00, 3 claims predicted",
    );
  });
});

describe("span matching", () => {
  it("needs half of the shorter span and 40% of the longer one", () => {
    expect(spansMatch([0, 10], [0, 25])).toBe(true); // 10 ≥ 5 and 10 ≥ 10
    expect(spansMatch([0, 10], [0, 26])).toBe(false); // 10 < 10.4
    expect(spansMatch([0, 10], [6, 16])).toBe(false); // 4 < 5
    expect(spansMatch([0, 10], [5, 15])).toBe(true);
    expect(spansMatch([0, 10], [20, 30])).toBe(false);
  });

  it("measures boundaries as intersection over union", () => {
    expect(intersectionOverUnion([0, 10], [0, 10])).toBe(1);
    expect(intersectionOverUnion([0, 10], [2, 10])).toBe(0.8);
    expect(intersectionOverUnion([0, 10], [10, 20])).toBe(0);
  });
});

describe("locateQuote", () => {
  const doc = "He said “it isn’t over”\n  and left. It is over.";
  it("finds the exact quote first", () => {
    expect(locateQuote(doc, "It is over.")).toEqual([doc.indexOf("It is over."), doc.length]);
  });
  it("tolerates reflowed white space and straight quotes for curly ones", () => {
    expect(locateQuote(doc, `said "it isn't over" and left.`)).toEqual([3, doc.indexOf(" It is")]);
  });
  it("returns null when the quote is not there", () => {
    expect(locateQuote(doc, "it is done")).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------------------
// (b) The extractor on every labelled article, with the bars the issue sets.

const ARTICLES = fileURLToPath(new URL("../../fixtures/claims/articles/", import.meta.url));
const BARS = { recall: 0.95, precision: 0.92, kind: 0.9, boundaries: 0.95 } as const;
const FORMATS: Record<string, SourceFormat> = { ".md": "markdown", ".txt": "text", ".html": "html", ".htm": "html" };

const documents = readdirSync(ARTICLES)
  .filter((name) => name.endsWith(".gold.json"))
  .sort()
  .flatMap((goldName) => {
    const goldPath = resolve(ARTICLES, goldName);
    const gold = JSON.parse(readFileSync(goldPath, "utf8")) as GoldFile;
    return Object.entries(gold).map(([rel, labels]) => {
      const path = resolve(dirname(goldPath), rel);
      return { name: rel.replace(/^\.\//, ""), path, labels, text: readFileSync(path, "utf8") };
    });
  });

/** The extractor may hand back the claims alone or an ExtractionResult; the scorer needs the claims. */
function claimsOf(result: unknown): PredictedClaim[] {
  if (Array.isArray(result)) return result as PredictedClaim[];
  return ((result as { claims?: PredictedClaim[] }).claims ?? []) as PredictedClaim[];
}

describe("labelled articles", () => {
  it("include the seed article and at least four of our own", () => {
    expect(documents.map((d) => d.name)).toContain("ice-287g-fy2020.txt");
    expect(documents.length).toBeGreaterThanOrEqual(5);
  });

  it.each(documents.map((d) => [d.name, d] as const))("%s: every gold quote is found in the text", (_, d) => {
    const s = scoreDocument(d.labels, d.text, []);
    expect(s.misses.notFound).toEqual([]);
  });
});

describe("extractClaims on the labelled articles", () => {
  const scores: DocumentScore[] = [];
  afterAll(() => {
    if (scores.length === 0) return;
    const p = poolScores(scores);
    console.log(
      `pooled over ${scores.length} articles: recall ${p.recall.toFixed(2)} precision ${p.precision.toFixed(2)} ` +
        `kind ${p.kind.toFixed(2)} boundaries ${p.boundaries.toFixed(2)} (${p.counts.required} required claims)`,
    );
  });

  it.each(documents.map((d) => [d.name, d] as const))(
    "%s meets the bars",
    async (name, d) => {
      const format = FORMATS[extname(d.path).toLowerCase()];
      if (!format) throw new Error(`no format for ${name}`);
      const { extractClaims } = await import("@/lib/claims");
      const predicted = claimsOf(await extractClaims(d.text, { format }));
      const s = scoreDocument(d.labels, d.text, predicted);
      scores.push(s);
      console.log(formatScore(name, s));
      const short = (Object.keys(BARS) as (keyof typeof BARS)[]).filter((k) => s[k] < BARS[k]);
      const report = `${formatScore(name, s)}\nbelow the bar: ${short.join(", ") || "none"}\n${formatMisses(s)}`;
      expect(s.misses.invalid, report).toEqual([]);
      expect(short, report).toEqual([]);
    },
    60_000,
  );
});
