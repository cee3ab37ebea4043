import { buildReportModel, verdictText } from "./report-model";
import type { ArticleExport } from "./types";

/** The byte-order mark that tells spreadsheets the file is UTF-8. */
export const UTF8_BOM = "\uFEFF";

export const CLAIMS_CSV_COLUMNS = ["id", "kind", "text", "verdict", "rating", "confidence", "reviewers", "sources", "state", "note"] as const;

/** One RFC 4180 field: quoted when it holds a quote, comma, CR or LF, with quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * A cell a spreadsheet would run as a formula (=, +, @, or - not starting a number) gets a leading
 * apostrophe: an imported article must not be able to plant `=HYPERLINK(…)` in an editor's sheet.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+@\t\r]|^-(?![\d\s.])/.test(value) ? `'${value}` : value;
}

/** RFC 4180 records: fields joined by commas, records ended by CRLF. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => `${row.map((v) => csvField(neutraliseFormula(v))).join(",")}\r\n`).join("");
}

/**
 * claims.csv: one row per claim (dismissed ones too, with their state), in reading order: the
 * approved verdict with its rating ("False (1/5)": a bare "False" or "TRUE" becomes a boolean in
 * LibreOffice and Excel) and the rating as a number, its confidence, every reviewer, the approved
 * verdict's source URLs and note. Rows: the reading view's claims in its order, then orphaned, then
 * dismissed ones. Multiple values in one field are separated by "; ". UTF-8 with a BOM.
 */
export function formatClaimsCsv(data: ArticleExport): string {
  const model = buildReportModel(data);
  const rows = [...model.claims, ...model.orphaned, ...model.dismissed].map((entry) => [
    entry.claim.id,
    entry.claim.kind,
    entry.claim.text,
    entry.verdict ? verdictText(entry.verdict) : "",
    entry.verdict?.rating === null || entry.verdict === null ? "" : String(entry.verdict.rating),
    entry.approved?.confidence ?? "",
    entry.reviews.map((r) => r.reviewer).join("; "),
    entry.citations.map((c) => c.source.url).join("; "),
    entry.claim.state,
    entry.approved?.note ?? "",
  ]);
  return UTF8_BOM + toCsv([[...CLAIMS_CSV_COLUMNS], ...rows]);
}
