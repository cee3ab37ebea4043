/**
 * Must-show of issue 10: re-importing an article whose claims hold inline Markdown, with one
 * paragraph added, orphans 0 claims and duplicates 0. `npm run import` runs twice as a user runs
 * it, on a database file of its own, and the `sqlite3` shell reads the file afterwards.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { INLINE_ARTICLE, withParagraphAdded } from "../../support/inline-markdown-article";

const dir = mkdtempSync(path.join(tmpdir(), "claimdesk-reimport-"));
const dbFile = path.join(dir, "reimport.db");
const env = { ...process.env, DATABASE_URL: `file:${dbFile}` };
const article = path.join(dir, "county-money.md");

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runImport(): string {
  const result = spawnSync("npm", ["run", "--silent", "import", "--", article], { env, encoding: "utf8" });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout.trim();
}

/** One number from the database file, read by the sqlite3 shell. */
function count(sql: string): number {
  return Number(execFileSync("sqlite3", [dbFile, sql], { encoding: "utf8" }).trim());
}

const LATEST = `(SELECT r."id" FROM "Revision" r ORDER BY r."number" DESC LIMIT 1)`;

describe("npm run import of an article whose claims hold inline Markdown, twice", () => {
  it("with one paragraph added, orphans 0 claims and duplicates 0", () => {
    writeFileSync(article, INLINE_ARTICLE);
    expect(runImport()).toMatch(/^imported: county-money revision 1, \d+ claims$/);
    const first = count(`SELECT count(*) FROM "Claim"`);
    expect(first).toBeGreaterThanOrEqual(8);
    // The stored quotes hold the Markdown itself, bold and links included.
    expect(count(`SELECT count(*) FROM "Claim" WHERE "quoteExact" LIKE '%**%' OR "quoteExact" LIKE '%](http%'`)).toBeGreaterThanOrEqual(4);

    writeFileSync(article, withParagraphAdded(INLINE_ARTICLE));
    expect(runImport()).toBe(`new revision: county-money revision 2, ${first + 1} claims (${first} re-anchored: ${first} exact, 0 changed; 0 orphaned; 1 new)`);

    expect(count(`SELECT count(*) FROM "Revision"`)).toBe(2);
    expect(count(`SELECT count(*) FROM "Claim" WHERE "state" = 'orphaned' OR "anchorStatus" = 'orphaned'`)).toBe(0);
    expect(count(`SELECT count(*) FROM "ClaimAnchor" WHERE "status" = 'orphaned'`)).toBe(0);
    // Every claim is on the new revision, and the quote it stores is that revision's text at its offsets.
    expect(count(`SELECT count(*) FROM "Claim" WHERE "revisionId" = ${LATEST}`)).toBe(first + 1);
    expect(
      count(`SELECT count(*) FROM "Claim" c JOIN "Revision" r ON r."id" = c."revisionId"
             WHERE substr(r."text", c."sourceStart" + 1, c."sourceEnd" - c."sourceStart") <> c."quoteExact"`),
    ).toBe(0);
    // Duplicates: two claims of the new revision with the same words, or overlapping spans.
    expect(count(`SELECT count(*) FROM (SELECT "text" FROM "Claim" WHERE "revisionId" = ${LATEST} GROUP BY "text" HAVING count(*) > 1)`)).toBe(0);
    expect(
      count(`SELECT count(*) FROM "Claim" a JOIN "Claim" b ON a."revisionId" = b."revisionId" AND a."id" < b."id"
             WHERE a."revisionId" = ${LATEST} AND a."sourceStart" < b."sourceEnd" AND b."sourceStart" < a."sourceEnd"`),
    ).toBe(0);
    // The one new claim is the added paragraph's.
    expect(count(`SELECT count(*) FROM "Claim" WHERE "previousRevisionId" IS NULL AND "text" LIKE 'The mayor said 250 new housing units%'`)).toBe(1);
  });
});
