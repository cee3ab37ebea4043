import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importArticle } from "@/lib/articles/import-article";
import type { Database } from "@/lib/db/create-database";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { saveReview } from "@/lib/review/save-review";
import { tempDatabase } from "../../support/temp-database";
import { onPostgres } from "../../support/postgres";

// The save path's statement budget (issue 13): under fifty reviewers at once, each statement is
// Prisma CPU on the one server, so a save must stay one transaction of few statements.
let t: ReturnType<typeof tempDatabase>;
const loggingClient = (url: string) => new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }), log: [{ emit: "event", level: "query" }] });
let logged: ReturnType<typeof loggingClient>;
const statements: string[] = [];

beforeAll(() => {
  t = tempDatabase();
  logged = loggingClient(t.url);
  logged.$on("query", (event) => statements.push(event.query));
});
afterAll(async () => {
  await logged.$disconnect();
  await t.dispose();
});

// Counts the statements SQLite's save path sends; PostgreSQL's Prisma path sends its own.
describe.skipIf(onPostgres)("saveReview's statements", () => {
  it("creates in six and updates in five (reads, write, audit, claim state only when it changes, commit), audit trail intact", async () => {
    const user = await t.db.user.create({ data: { email: "rita@example.org", name: "Rita", role: "reviewer" } });
    const viewer = { id: user.id, email: user.email, name: user.name, role: "reviewer" as const };
    const { articleId } = await importArticle(t.db, { text: "# T\n\nThe council approved a $412 million budget on Tuesday.\n", fileName: "t.md" });
    const claim = await t.db.claim.findFirstOrThrow({ where: { articleId } });
    const db = logged as unknown as Database;

    statements.length = 0;
    const first = await saveReview(db, { viewer, claimId: claim.id, verdict: "accurate", confidence: null, note: "a", expectedVersion: null });
    expect(statements).toHaveLength(6);
    expect((await t.db.claim.findUniqueOrThrow({ where: { id: claim.id } })).state).toBe("reviewed");

    statements.length = 0;
    const second = await saveReview(db, { viewer, claimId: claim.id, verdict: "false", confidence: "low", note: "b", expectedVersion: first.version });
    expect(statements).toHaveLength(5);
    expect(statements.filter((s) => s.startsWith("UPDATE"))).toHaveLength(1); // the review; the claim stays reviewed

    await expect(saveReview(db, { viewer, claimId: claim.id, verdict: "opinion", confidence: null, note: "c", expectedVersion: first.version })).rejects.toMatchObject({ code: "CONFLICT" });
    const events = await t.db.auditEvent.findMany({ where: { action: "review.save" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(events.map((e) => JSON.parse(e.after ?? "{}").version)).toEqual([1, second.version]);
  });
});
