/**
 * claims.csv through a real spreadsheet: LibreOffice Calc imports it with its usual type detection
 * and writes it back, and every verdict, rating and text comes out as it went in. A bare "False"
 * becomes the boolean FALSE there (the control row shows the check would catch it). `.ci/run`
 * installs Debian's libreoffice-calc-nogui; without it this file says so and is skipped.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import { formatClaimsCsv } from "@/lib/export/claims-csv";
import type { ArticleExport } from "@/lib/export/types";
import { useExportFixture } from "./fixture";

const SOFFICE = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find((p) => existsSync(p));
if (!SOFFICE) console.warn("claims-csv-spreadsheet: LibreOffice is not installed (apt-get install libreoffice-calc-nogui); skipped");

/** Imports `csv` into Calc (comma, double quote, UTF-8, type detection on) and exports it as CSV again. */
function throughCalc(dir: string, csv: string): string {
  const input = path.join(dir, "claims.csv");
  writeFileSync(input, csv);
  execFileSync(
    SOFFICE!,
    ["--headless", `-env:UserInstallation=file://${path.join(dir, "profile")}`, "--infilter=CSV:44,34,76,1", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", path.join(dir, "out"), input],
    { stdio: "pipe", timeout: 120_000 },
  );
  return readFileSync(path.join(dir, "out", "claims.csv"), "utf8");
}

const rowsOf = (csv: string) => parse(csv, { bom: true, columns: true, relax_column_count: true }) as Record<string, string>[];

describe.skipIf(!SOFFICE)("claims.csv in a spreadsheet", () => {
  let data: ArticleExport;
  useExportFixture((loaded) => ({ data } = loaded));
  const dir = mkdtempSync(path.join(tmpdir(), "claimdesk-calc-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps every verdict, rating and text as written, where a bare False would not survive", () => {
    const csv = formatClaimsCsv(data);
    // A control row in the old form: the verdict alone.
    const control = `${csv}control,statistic,Control row,False,1,,,,approved,\r\n`;
    const sent = rowsOf(control);
    const back = rowsOf(throughCalc(dir, control));
    expect(back).toHaveLength(sent.length);
    const verdicts = sent.filter((r) => r.verdict !== "").map((r) => r.verdict);
    expect(verdicts).toContain("False (1/5)");
    for (const [i, row] of sent.entries()) {
      if (row.id === "control") {
        expect(back[i]!.verdict).toBe("FALSE");
        continue;
      }
      expect({ id: back[i]!.id, verdict: back[i]!.verdict, rating: back[i]!.rating, text: back[i]!.text }).toEqual({ id: row.id, verdict: row.verdict, rating: row.rating, text: row.text });
    }
  }, 180_000);
});
