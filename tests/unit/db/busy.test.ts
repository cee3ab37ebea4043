import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import Sqlite from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importArticle } from "@/lib/articles/import-article";
import type { Viewer } from "@/lib/auth/policy";
import { createDatabase } from "@/lib/db/create-database";
import { cliMessage, toAppError } from "@/lib/errors";
import { addCitation } from "@/lib/review/add-citation";
import { saveReview } from "@/lib/review/save-review";
import { onPostgres } from "../../support/postgres";
import { tempDatabase } from "../../support/temp-database";

/**
 * Issue 11, finding 8: imports running beside active writers failed with an empty message, and the
 * writers got INTERNAL answers (SQLite busy) instead of a wait. Here the imports are the real command
 * line, in processes of their own, on the same SQLite file as this process's writers.
 */

const tsx = path.resolve("node_modules/.bin/tsx");

let t: ReturnType<typeof tempDatabase>;
let rita: NonNullable<Viewer>;

/** An article of `n` check-worthy paragraphs; `edition` changes every tenth so a re-import re-anchors. */
function longArticle(n: number, edition = 0): string {
  const lines = ["# County spending, line by line", ""];
  for (let i = 1; i <= n; i++) {
    const rise = i % 10 === 0 ? 12 + edition : 12;
    lines.push(`Spending on program ${i} rose ${rise}% to $${i}.4 million in 2024, the county said.`, "");
  }
  return lines.join("\n");
}

function runImport(file: string, slug: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(tsx, ["scripts/import.ts", file, "--slug", slug], { env: { ...process.env, DATABASE_URL: t.url } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (code) => resolve({ code, stdout: stdout.trim(), stderr: stderr.trim() }));
  });
}

async function versionOf(claimId: string): Promise<number | null> {
  const review = await t.db.review.findUnique({ where: { claimId_reviewerId: { claimId, reviewerId: rita.id } }, select: { version: true } });
  return review?.version ?? null;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  t = tempDatabase();
  const user = await t.db.user.create({ data: { email: "rita@example.org", name: "Rita", role: "reviewer" } });
  rita = { id: user.id, email: user.email, name: user.name, role: "reviewer" };
  // The article the first CLI import re-anchors: a new revision carries every claim in its transaction.
  await importArticle(t.db, { text: longArticle(500), fileName: "county.md", slug: "county" });
}, 60_000);
afterAll(async () => {
  await t.dispose();
});

// The command-line imports beside a reviewer's writes run on PostgreSQL too: the same promise, there
// kept by row locks and the write-conflict retry instead of the busy wait.
describe("the database shared by several writers", () => {
  it("runs three command-line imports beside a reviewer's writes, every one succeeding", async () => {
    const files = [longArticle(500, 1), longArticle(400), longArticle(300)].map((text, i) => {
      const file = path.join(t.dir, `article-${i}.md`);
      writeFileSync(file, text);
      return file;
    });
    const claims = await t.db.claim.findMany({ where: { article: { slug: "county" } }, select: { id: true }, orderBy: { position: "asc" }, take: 100 });

    // A second client, as the app server is beside the command line: each write its own transaction.
    const writer = createDatabase(t.url);
    const failures: string[] = [];
    let writes = 0;
    let importing = true;
    const writing = (async () => {
      for (let i = 0; importing; i++) {
        // A server answers other requests between writes; a bare loop of promises would starve them.
        await pause(5);
        const claim = claims[i % claims.length]!;
        try {
          if (i % 2 === 0) await addCitation(writer, { viewer: rita, claimId: claim.id, url: `https://example.org/evidence/${i}`, stance: "supports" });
          else await saveReview(writer, { viewer: rita, claimId: claim.id, verdict: "accurate", confidence: "high", note: `Checked ${i}.`, expectedVersion: await versionOf(claim.id) });
          writes++;
        } catch (error) {
          const appError = toAppError(error);
          failures.push(`${appError.code} (${appError.status}): ${appError.message}`);
        }
      }
    })();

    const results = await Promise.all(files.map((file, i) => runImport(file, i === 0 ? "county" : `other-${i}`)));
    importing = false;
    await writing;
    await writer.$disconnect();

    expect(results.map((r) => r.stderr)).toEqual(["", "", ""]);
    expect(results.map((r) => r.code)).toEqual([0, 0, 0]);
    expect(results[0]!.stdout).toMatch(/^new revision: county revision 2, 500 claims/);
    expect(failures).toEqual([]);
    expect(writes).toBeGreaterThan(10);
    expect(await t.db.revision.count()).toBe(4);
  }, 240_000);

  // The next two hold SQLite's file lock from a second connection: PostgreSQL has no such lock
  // (writers wait for row locks), so they have nothing to test there.
  it.skipIf(onPostgres)("waits for another process's write lock without blocking this process meanwhile", async () => {
    const other = new Sqlite(t.file);
    other.prepare("BEGIN IMMEDIATE").run();
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 20);
    setTimeout(() => other.prepare("COMMIT").run(), 1_500);
    try {
      // Reads first, then writes: the shape that failed at once under a deferred BEGIN.
      const written = await t.db.$transaction(async (tx) => {
        await tx.user.count();
        return tx.user.create({ data: { email: "waited@example.org" }, select: { email: true } });
      });
      expect(written.email).toBe("waited@example.org");
      // The timers kept firing while the transaction waited: the wait was not a blocking busy handler.
      expect(ticks).toBeGreaterThan(20);
    } finally {
      clearInterval(ticker);
      other.close();
    }
  });

  it.skipIf(onPostgres)("answers 503 with a sentence when the lock outlasts the wait, and recovers after", async () => {
    const impatient = createDatabase(t.url, { busyRetryMs: 300 });
    const other = new Sqlite(t.file);
    other.prepare("BEGIN IMMEDIATE").run();
    try {
      const error = await impatient.$transaction(async (tx) => tx.user.create({ data: { email: "late@example.org" } })).catch((e: unknown) => e);
      const appError = toAppError(error);
      expect(appError).toMatchObject({ code: "UNAVAILABLE", status: 503, message: "The database is busy with another import; try again in a moment." });
      expect(cliMessage(error)).toBe("The database is busy with another import; try again in a moment.");
    } finally {
      other.prepare("COMMIT").run();
      other.close();
    }
    // The failed start released the connection: the next transaction goes through.
    expect(await impatient.$transaction(async (tx) => tx.user.create({ data: { email: "late@example.org" }, select: { email: true } }))).toEqual({ email: "late@example.org" });
    await impatient.$disconnect();
  });
});
