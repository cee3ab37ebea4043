/**
 * The migration that re-cuts every stored quote from the revision's Markdown
 * (prisma/migrations/20261202000000_claim_quotes_from_markdown): in SQL, where substr counts
 * characters, it must give exactly what buildSelectors gives over UTF-16 offsets.
 */
import { readFileSync } from "node:fs";
import Sqlite from "better-sqlite3";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSelectors, quoteColumns } from "@/lib/anchoring";
import { importArticle } from "@/lib/articles/import-article";
import { extractClaims } from "@/lib/claims";
import { migrateDatabase } from "@/lib/db/migrate";
import { tempDatabase } from "../../support/temp-database";
import { onPostgres } from "../../support/postgres";

const MIGRATION = "20261202000000_claim_quotes_from_markdown";
const backfill = readFileSync(`prisma/migrations/${MIGRATION}/migration.sql`, "utf8");

let t: ReturnType<typeof tempDatabase>;
beforeAll(() => {
  t = tempDatabase();
});
afterAll(async () => {
  await t.dispose();
});

// A migration of the SQLite history, run on SQLite files; the PostgreSQL history starts after it.
describe.skipIf(onPostgres)("the quote backfill migration", () => {
  it("cuts exactly what buildSelectors cuts, emoji and all, whatever the span", () => {
    const sqlite = new Sqlite(t.file);
    sqlite.pragma("synchronous = OFF"); // a throwaway file: no need to wait for the disk 150 times
    try {
      sqlite.exec(`INSERT INTO "Article" ("id", "slug", "title", "updatedAt") VALUES ('a', 'prop', 'Prop', 0)`);
      const setRevision = sqlite.prepare(`INSERT OR REPLACE INTO "Revision" ("id", "articleId", "number", "text", "sourceFormat", "contentHash") VALUES ('r', 'a', 1, ?, 'markdown', 'h')`);
      const setClaim = sqlite.prepare(
        `INSERT OR REPLACE INTO "Claim" ("id", "articleId", "revisionId", "kind", "text", "sourceStart", "sourceEnd", "quoteExact", "quotePrefix", "quoteSuffix", "score", "updatedAt")
         VALUES (?, 'a', 'r', 'factual', 'x', ?, ?, 'stale', 'stale', 'stale', 0, 0)`,
      );
      const read = sqlite.prepare(`SELECT "id", "quoteExact", "quotePrefix", "quoteSuffix" FROM "Claim" ORDER BY "id"`);
      // Characters of one, two and three UTF-8 bytes and of four (two UTF-16 units), close together
      // so the 32-unit context edges often fall inside a surrogate pair.
      const char = fc.constantFrom("a", " ", "\n", "*", "é", "€", "中", "😀", "𝔘", "🇫", "👍🏽");
      const doc = fc.array(char, { minLength: 1, maxLength: 150, size: "max" }).map((cs) => cs.join(""));
      fc.assert(
        fc.property(doc, fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 4 }), (text, picks) => {
          const points = [...text];
          const offsets = [0];
          for (const p of points) offsets.push(offsets.at(-1)! + p.length);
          const spans = picks.map(([x, y]) => [offsets[x % offsets.length]!, offsets[y % offsets.length]!].sort((m, n) => m - n) as [number, number]);
          sqlite.exec(`DELETE FROM "Claim"`);
          setRevision.run(text);
          spans.forEach(([s, e], i) => setClaim.run(`c${i}`, s, e));
          sqlite.exec(backfill);
          const rows = read.all() as { id: string; quoteExact: string; quotePrefix: string; quoteSuffix: string }[];
          expect(rows).toEqual(spans.map(([s, e], i) => ({ id: `c${i}`, ...quoteColumns(text, s, e) })));
        }),
        { numRuns: 150 },
      );
      sqlite.exec(`DELETE FROM "Claim"; DELETE FROM "Revision"; DELETE FROM "Article"`);
    } finally {
      sqlite.close();
    }
  });

  it("runs under prisma migrate deploy and turns plain-text quotes of an old import into Markdown ones", async () => {
    const markdown = [
      "# Budget 😀",
      "",
      "The county spent **$12 million** on roads in 2023, up from $9 million in 2022.",
      "",
      "According to [the auditor](https://example.org/audit), 40% of 𝔘 projects ran late.",
      "",
      "The `roads` fund grew by 15% in 2024 &amp; the council approved 3 new bridges.",
      "",
    ].join("\n");
    await importArticle(t.db, { text: markdown, fileName: "budget.md", slug: "budget" });
    // What the import stored before: the pipeline's plain-text quote beside the Markdown offsets.
    const plain = new Map(extractClaims(markdown).claims.map((c) => [`${c.sourceStart}:${c.sourceEnd}`, c.quote]));
    const claims = await t.db.claim.findMany({ select: { id: true, sourceStart: true, sourceEnd: true } });
    expect(claims.length).toBeGreaterThanOrEqual(3);
    for (const c of claims) {
      const quote = plain.get(`${c.sourceStart}:${c.sourceEnd}`)!;
      await t.db.claim.update({ where: { id: c.id }, data: { quoteExact: quote.exact, quotePrefix: quote.prefix, quoteSuffix: quote.suffix } });
    }
    const stale = await t.db.claim.count({ where: { quoteExact: { contains: "**" } } });
    expect(stale).toBe(0);

    // Forget the migration was applied, so migrate deploy runs it as on a database from before it.
    await t.db.$executeRawUnsafe(`DELETE FROM "_prisma_migrations" WHERE "migration_name" = ?`, MIGRATION);
    // As a deployment does: the app's connection (WAL, lib/db/sqlite-connection.ts) is closed while
    // the schema engine migrates, which it refuses as busy beside an open one.
    await t.db.$disconnect();
    migrateDatabase(t.url);

    const after = await t.db.claim.findMany({ select: { sourceStart: true, sourceEnd: true, quoteExact: true, quotePrefix: true, quoteSuffix: true } });
    for (const c of after) {
      const { quote } = buildSelectors(markdown, c.sourceStart, c.sourceEnd);
      expect({ quoteExact: c.quoteExact, quotePrefix: c.quotePrefix, quoteSuffix: c.quoteSuffix }).toEqual({ quoteExact: quote.exact, quotePrefix: quote.prefix, quoteSuffix: quote.suffix });
    }
    expect(after.some((c) => c.quoteExact.includes("**$12 million**"))).toBe(true);

    // And the article re-imports with a paragraph added without losing or doubling a claim.
    const edited = markdown.replace("According to", "The mayor said unemployment fell to 4% in 2024.\n\nAccording to");
    const outcome = await importArticle(t.db, { text: edited, fileName: "budget.md", slug: "budget" });
    expect(outcome.reanchored).toMatchObject({ exact: claims.length, changed: 0, orphaned: 0, added: 1 });
  });
});
