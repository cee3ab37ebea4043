import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvField, formatClaimsCsv, neutraliseFormula, toCsv, UTF8_BOM } from "@/lib/export/claims-csv";
import type { ArticleExport } from "@/lib/export/types";
import { MANUAL_CLAIM_TEXT, SOURCES, type Fixture, useExportFixture } from "./fixture";

describe("claims.csv", () => {
  let fixture: Fixture;
  let data: ArticleExport;
  useExportFixture((loaded) => ({ fixture, data } = loaded));

  it("starts with the UTF-8 BOM and ends every record with CRLF", () => {
    const csv = formatClaimsCsv(data);
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(Buffer.from(csv, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.slice(1, csv.indexOf("\r\n"))).toBe("id,kind,text,verdict,rating,confidence,reviewers,sources,state,note");
  });

  it("parses back with csv-parse to one row per claim with the same values, quotes, commas and newlines included", () => {
    const rows = parse(formatClaimsCsv(data), { bom: true, columns: true, skip_empty_lines: false }) as Record<string, string>[];
    expect(rows).toHaveLength(data.claims.length);
    const byId = new Map(rows.map((r) => [r.id, r]));

    const manual = byId.get(fixture.claims.manual.id)!;
    expect(manual.text).toBe(MANUAL_CLAIM_TEXT);
    expect(manual.text).toContain("\n");
    expect(manual).toMatchObject({ kind: "factual", verdict: "Unsupported (unrated)", rating: "", confidence: "high", reviewers: "Ann Reviewer", state: "approved" });

    const parking = byId.get(fixture.claims.parking.id)!;
    expect(parking.text).toBe('allowed to park, "for up to 48 hours", on harbor streets');
    expect(parking).toMatchObject({ verdict: "False (1/5)", rating: "1", reviewers: "bo@desk.example", sources: SOURCES.signage.url });
    expect(parking.note).toBe('Signs say 24 hours, "not 48", since May.');

    const spending = byId.get(fixture.claims.spending.id)!;
    expect(spending).toMatchObject({ verdict: "Accurate (5/5)", rating: "5", reviewers: "Ann Reviewer; bo@desk.example", sources: `${SOURCES.budget.url}; ${SOURCES.budget2022.url}` });

    expect(byId.get(fixture.claims.safer.id)).toMatchObject({ verdict: "", rating: "", sources: "", state: "reviewed" });
    expect(byId.get(fixture.claims.leadIn.id)).toMatchObject({ state: "dismissed" });

    // Every claim's text comes back exactly as stored.
    for (const claim of data.claims) expect(byId.get(claim.id)?.text).toBe(claim.text);
  });

  it("writes no verdict a spreadsheet would import as a boolean or a number", () => {
    const rows = parse(formatClaimsCsv(data), { bom: true, columns: true }) as Record<string, string>[];
    const verdicts = rows.map((r) => r.verdict).filter(Boolean);
    expect(verdicts).toContain("False (1/5)");
    // LibreOffice and Excel turn TRUE/FALSE (any case) into booleans and bare numbers into numbers.
    for (const verdict of verdicts) expect(verdict).not.toMatch(/^\s*(true|false|[-+]?\d+([.,]\d+)?)\s*$/i);
  });

  it("quotes only fields that need it, doubling quotes (RFC 4180)", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField('say "hi", then\r\nleave')).toBe('"say ""hi"", then\r\nleave"');
    expect(toCsv([["a", "b,c"], ['"', ""]])).toBe('a,"b,c"\r\n"""",\r\n');
  });

  it("keeps spreadsheet formulas from running but leaves negative numbers alone", () => {
    expect(neutraliseFormula('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(neutraliseFormula("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(neutraliseFormula("-5% in 2023")).toBe("-5% in 2023");
  });
});
