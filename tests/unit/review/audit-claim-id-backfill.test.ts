/**
 * The migration that gave AuditEvent its claimId column (20261207000000_audit_event_claim_id, in
 * both engines' histories) backfills the events recorded before it in SQL. It must tell every
 * event's claim as claimIdOfEvent tells it, whatever the stored snapshots hold: objects with a
 * claimId of any type or none, arrays, scalars, malformed text, nothing.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseJsonObject } from "@/lib/review/json-columns";
import { claimIdOfEvent } from "@/lib/review/audit-history";
import { onPostgres } from "../../support/postgres";
import { tempDatabase } from "../../support/temp-database";

const MIGRATION = "20261207000000_audit_event_claim_id/migration.sql";

/** The backfill's statements alone: the column and its index exist already in the test database. */
function backfillStatements(): string[] {
  if (!onPostgres) {
    const sql = readFileSync(`prisma/migrations/${MIGRATION}`, "utf8");
    return [sql.slice(sql.indexOf('UPDATE "AuditEvent"'))];
  }
  const sql = readFileSync(`prisma/postgresql/migrations/${MIGRATION}`, "utf8");
  return sql
    .slice(sql.indexOf("CREATE FUNCTION"))
    .split(/;\n(?=UPDATE|DROP)/)
    .map((s) => s.trim());
}

const claimIdValue = fc.oneof(
  fc.constantFrom("c1", "c2", "", 'quote " and \\ slash', "ünïcødé 😀"),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant({ nested: "c1" }),
  fc.constant(["c1"]),
);
const objectSnapshot = fc
  .record({ claimId: claimIdValue, verdict: fc.constantFrom("accurate", null), note: fc.string() }, { requiredKeys: [] })
  .map((o) => JSON.stringify(o));
const snapshot = fc.oneof(objectSnapshot, objectSnapshot, fc.constantFrom(null, "", "{", "not json", "[1,2]", '"c1"', "42", "null", '{"claimId": "c1",}'));
const event = fc.record({
  entityType: fc.constantFrom("claim", "review", "citation", "article", "revision"),
  entityId: fc.constantFrom("c1", "r1", "x9"),
  before: snapshot,
  after: snapshot,
});

let t: ReturnType<typeof tempDatabase>;
beforeAll(() => {
  t = tempDatabase();
});
afterAll(async () => {
  await t.dispose();
});

describe(`the AuditEvent.claimId backfill (${onPostgres ? "PostgreSQL" : "SQLite"} history)`, () => {
  it("tells each event's claim as claimIdOfEvent does", async () => {
    const statements = backfillStatements();
    await fc.assert(
      fc.asyncProperty(fc.array(event, { minLength: 1, maxLength: 25 }), async (events) => {
        await t.db.auditEvent.deleteMany({});
        await t.db.auditEvent.createMany({ data: events.map((e, i) => ({ id: `e${String(i).padStart(3, "0")}`, action: "test.event", ...e })) });
        for (const sql of statements) await t.db.$executeRawUnsafe(sql);
        const rows = await t.db.auditEvent.findMany({ orderBy: { id: "asc" }, select: { claimId: true } });
        const expected = events.map((e) => claimIdOfEvent({ ...e, before: parseJsonObject(e.before), after: parseJsonObject(e.after) }));
        expect(rows.map((r) => r.claimId)).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  });
});
