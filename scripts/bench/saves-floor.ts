/**
 * The floor of `npm run bench:saves`: what a save costs with nothing but better-sqlite3, running
 * the statements a save needs (the session with its user; then in one IMMEDIATE transaction the
 * claim with its reviews, the review's write with its version check, the audit event, and the
 * claim's state when it changes). No zod, no JWT, no Markdown, no framework. In process it runs
 * under the same fifty reviewers; for the HTTP run it is a bare node:http server in a child process
 * taking JSON.
 *
 *   tsx scripts/bench/saves-floor.ts serve <file> <port>   (started by floorOverHttp)
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import path from "node:path";
import Sqlite from "better-sqlite3";
import { freePort, stopServer } from "./next-server";
import { runReviewers, type Ack, type Run } from "./saves-run";
import type { SeededSaves } from "./saves-seed";

type Input = { claimId: string; verdict: string | null; confidence: string | null; note: string; expectedVersion: number | null };
type Row = { id: string; articleId: string; state: string; rid: string | null; reviewerId: string | null; verdict: string | null; version: number | null };

/** The save, as bare statements on one connection; throws on a stale version or an unknown session. */
function floorSaver(file: string): { save: (sessionToken: string, input: Input) => Ack; close: () => void } {
  const sqlite = new Sqlite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("busy_timeout = 100");
  const session = sqlite.prepare<[string], { expires: string; id: string; role: string; disabledAt: string | null }>(
    'SELECT s."expires", u."id", u."role", u."disabledAt" FROM "Session" s JOIN "User" u ON u."id" = s."userId" WHERE s."sessionToken" = ?',
  );
  const begin = sqlite.prepare("BEGIN IMMEDIATE");
  const commit = sqlite.prepare("COMMIT");
  const rollback = sqlite.prepare("ROLLBACK");
  const claim = sqlite.prepare<[string], Row>(
    'SELECT c."id", c."articleId", c."state", r."id" AS "rid", r."reviewerId", r."verdict", r."version" FROM "Claim" c LEFT JOIN "Review" r ON r."claimId" = c."id" WHERE c."id" = ?',
  );
  const insert = sqlite.prepare('INSERT INTO "Review" ("id", "claimId", "reviewerId", "verdict", "confidence", "note", "version", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)');
  const update = sqlite.prepare('UPDATE "Review" SET "verdict" = ?, "confidence" = ?, "note" = ?, "version" = "version" + 1, "updatedAt" = ? WHERE "id" = ? AND "version" = ?');
  const audit = sqlite.prepare('INSERT INTO "AuditEvent" ("id", "actorId", "action", "entityType", "entityId", "articleId", "before", "after", "createdAt") VALUES (?, ?, \'review.save\', \'review\', ?, ?, ?, ?, ?)');
  const state = sqlite.prepare('UPDATE "Claim" SET "state" = ?, "updatedAt" = ? WHERE "id" = ?');

  const save = (sessionToken: string, input: Input): Ack => {
    const viewer = session.get(sessionToken);
    if (!viewer || viewer.disabledAt !== null || new Date(viewer.expires) <= new Date()) throw new Error("no session");
    begin.run();
    try {
      const rows = claim.all(input.claimId);
      const head = rows[0];
      if (!head) throw new Error("no claim");
      const mine = rows.find((r) => r.reviewerId === viewer.id);
      const now = new Date().toISOString().replace("Z", "+00:00");
      const after = { claimId: input.claimId, reviewerId: viewer.id, verdict: input.verdict, confidence: input.confidence, note: input.note, version: (mine?.version ?? 0) + 1 };
      let reviewId: string;
      if (!mine) {
        reviewId = randomUUID();
        insert.run(reviewId, input.claimId, viewer.id, input.verdict, input.confidence, input.note, now, now);
      } else {
        if (mine.version !== input.expectedVersion || update.run(input.verdict, input.confidence, input.note, now, mine.rid, input.expectedVersion).changes !== 1) throw new Error("conflict");
        reviewId = mine.rid!;
      }
      audit.run(randomUUID(), viewer.id, reviewId, head.articleId, mine ? JSON.stringify({ ...after, version: mine.version }) : null, JSON.stringify(after), now);
      const verdicts = rows.filter((r) => r.rid && r.rid !== reviewId).map((r) => r.verdict).concat(input.verdict);
      const next = verdicts.some((v) => v !== null) ? "reviewed" : "in_review";
      if (["open", "in_review", "reviewed"].includes(head.state) && next !== head.state) state.run(next, now, head.id);
      commit.run();
      return { reviewId, version: after.version };
    } catch (error) {
      if (sqlite.inTransaction) rollback.run();
      throw error;
    }
  };
  return { save, close: () => sqlite.close() };
}

/** The fifty reviewers against the bare statements in this process, each save in its own turn. */
export async function floorInProcess(file: string, seeded: SeededSaves, saves: number): Promise<Run> {
  const floor = floorSaver(file);
  try {
    return await runReviewers(file, seeded, saves, "floor", async (reviewer, input) => {
      await new Promise((resolve) => setImmediate(resolve));
      return floor.save(reviewer.sessionToken, input as Input);
    });
  } finally {
    floor.close();
  }
}

/** The fifty reviewers against a bare node:http server of the same statements (a child process). */
export async function floorOverHttp(file: string, seeded: SeededSaves, saves: number): Promise<Run> {
  const port = await freePort();
  const tsx = path.resolve("node_modules/.bin/tsx");
  const child = spawn(tsx, [path.resolve("scripts/bench/saves-floor.ts"), "serve", file, String(port)], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once("data", () => resolve());
    child.once("exit", (code) => reject(new Error(`floor server exited with ${code}`)));
  });
  try {
    return await runReviewers(file, seeded, saves, "floor", async (reviewer, input) => {
      const response = await fetch(`http://127.0.0.1:${port}/save`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ sessionToken: reviewer.sessionToken, input }) });
      const body = (await response.json()) as Ack & { error?: string };
      if (!response.ok) throw new Error(body.error);
      return body;
    });
  } finally {
    await stopServer(child);
  }
}

function serve(file: string, port: number): void {
  const floor = floorSaver(file);
  createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (body += chunk));
    request.on("end", () => {
      try {
        const { sessionToken, input } = JSON.parse(body) as { sessionToken: string; input: Input };
        const ack = floor.save(sessionToken, input);
        response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(ack));
      } catch (error) {
        response.writeHead(409, { "content-type": "application/json" }).end(JSON.stringify({ error: String(error) }));
      }
    });
  }).listen(port, "127.0.0.1", () => console.log("listening"));
}

if (process.argv[2] === "serve" && process.argv[1] && path.resolve(process.argv[1]) === path.resolve("scripts/bench/saves-floor.ts")) {
  serve(process.argv[3]!, Number(process.argv[4]));
}
