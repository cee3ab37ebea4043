import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase } from "@/lib/db/create-database";
import { containsIgnoringCase, engineOfDatabase } from "@/lib/db/database-engine";
import { databaseProblem } from "@/lib/db/check-database";
import { databaseEngine, engineOf, redactedUrl } from "@/lib/db/database-url";
import { migrateDatabase, pendingMigrations } from "@/lib/db/migrate";
import { isWriteConflict } from "@/lib/db/retry-write-conflict";
import { onPostgres, withDatabase } from "../../support/postgres";
import { tempDatabase } from "../../support/temp-database";

/** Issue 14: the runtime picks the engine from DATABASE_URL, and says so plainly when it cannot. */
describe("the engine named by DATABASE_URL", () => {
  it("is SQLite for file: and PostgreSQL for postgres:// or postgresql://", () => {
    expect(engineOf("file:./data/claimdesk.db")).toBe("sqlite");
    expect(engineOf("postgres://u@db.example:5432/claimdesk")).toBe("postgresql");
    expect(engineOf("postgresql://u:p@127.0.0.1/claimdesk?sslmode=require")).toBe("postgresql");
  });

  it("refuses anything else with a sentence naming the variable, the password hidden", () => {
    expect(() => engineOf("mysql://root:hunter2@db/claimdesk")).toThrow('DATABASE_URL must be a file: URL (SQLite) or a postgres:// or postgresql:// URL (PostgreSQL); it is "mysql://root:***@db/claimdesk".');
    expect(() => engineOf("./data/claimdesk.db")).toThrow(/^DATABASE_URL must be/);
    expect(() => createDatabase("sqlite:./x.db")).toThrow(/^DATABASE_URL must be/);
  });

  it("hides only the password of a URL", () => {
    expect(redactedUrl("postgresql://claimdesk:s3cr%40t@127.0.0.1:5432/db")).toBe("postgresql://claimdesk:***@127.0.0.1:5432/db");
    expect(redactedUrl("postgresql://claimdesk@127.0.0.1/db")).toBe("postgresql://claimdesk@127.0.0.1/db");
    expect(redactedUrl("file:./data/claimdesk.db")).toBe("file:./data/claimdesk.db");
  });

  it("is read from DATABASE_URL, SQLite when it is unset", () => {
    const saved = process.env.DATABASE_URL;
    try {
      delete process.env.DATABASE_URL;
      expect(databaseEngine()).toBe("sqlite");
      process.env.DATABASE_URL = " postgresql://u@h/db ";
      expect(databaseEngine()).toBe("postgresql");
    } finally {
      if (saved === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = saved;
    }
  });
});

describe("createDatabase", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "claimdesk-engine-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("opens a file: URL with SQLite, on either run", async () => {
    const url = `file:${path.join(dir, "engine.db")}`;
    expect(databaseProblem(url)).toMatch(/^DATABASE_URL=file:.*engine\.db is not migrated: \d+ migration\(s\) not applied \(first 20261128000000_init\)/);
    migrateDatabase(url);
    expect(databaseProblem(url)).toBeNull();
    expect(pendingMigrations(url)).toEqual([]);
    const db = createDatabase(url);
    try {
      const rows = await db.$queryRawUnsafe<Array<{ v: string }>>("SELECT sqlite_version() AS v");
      expect(rows[0]!.v).toMatch(/^3\./);
      expect(engineOfDatabase(db)).toBe("sqlite");
      expect(await db.$transaction(async (tx) => engineOfDatabase(tx))).toBe("sqlite");
    } finally {
      await db.$disconnect();
    }
  });

  it.runIf(onPostgres)("opens a postgresql:// URL with PostgreSQL, through the same model API", async () => {
    const t = tempDatabase();
    try {
      expect(t.engine).toBe("postgresql");
      const rows = await t.db.$queryRawUnsafe<Array<{ v: string }>>("SELECT version() AS v");
      expect(rows[0]!.v).toMatch(/^PostgreSQL 1\d/);
      const user = await t.db.user.create({ data: { email: "pg@example.org" }, select: { email: true } });
      expect(user).toEqual({ email: "pg@example.org" });
      expect(engineOfDatabase(t.db)).toBe("postgresql");
      expect(await t.db.$transaction(async (tx) => engineOfDatabase(tx))).toBe("postgresql");
    } finally {
      await t.dispose();
    }
  });
});

describe("containsIgnoringCase", () => {
  it("finds a title whatever the case of the words asked for, on either engine", async () => {
    const t = tempDatabase();
    try {
      await t.db.article.create({ data: { slug: "jobs", title: "County Jobs Report" } });
      const found = await t.db.article.findMany({ where: { title: containsIgnoringCase(t.db, "jobs REPORT") }, select: { slug: true } });
      expect(found).toEqual([{ slug: "jobs" }]);
    } finally {
      await t.dispose();
    }
  });
});

describe.runIf(onPostgres)("a PostgreSQL that is misconfigured", () => {
  let t: ReturnType<typeof tempDatabase>;
  beforeAll(() => {
    t = tempDatabase();
  });
  afterAll(async () => {
    await t.dispose();
  });

  it("refuses a wrong password with Prisma's P1000, and migrateDatabase names DATABASE_URL without the password", async () => {
    const wrong = new URL(t.url);
    wrong.password = "not-the-password";
    const db = createDatabase(wrong.toString());
    const error = await db.user.count().catch((e: unknown) => e);
    await db.$disconnect();
    expect(error).toMatchObject({ code: "P1000" });
    expect(() => migrateDatabase(wrong.toString())).toThrow(/^Could not read the applied migrations of DATABASE_URL=postgresql:\/\/claimdesk:\*\*\*@127\.0\.0\.1:\d+\/test_\w+: password authentication failed/);
  });

  it("reports a server that is not there as unreachable (P1001), at once", async () => {
    const gone = new URL(t.url);
    gone.port = "1"; // nothing listens on port 1
    const db = createDatabase(gone.toString());
    const started = Date.now();
    const error = await db.user.count().catch((e: unknown) => e);
    await db.$disconnect();
    expect(error).toMatchObject({ code: "P1001" });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("tells an empty database from a migrated one", () => {
    expect(pendingMigrations(t.url)).toEqual([]);
    const empty = withDatabase(t.url, "postgres");
    expect(pendingMigrations(empty).length).toBeGreaterThan(1);
  });

  it("says in one sentence naming DATABASE_URL what stops the app from starting", () => {
    expect(databaseProblem(t.url)).toBeNull();
    const wrong = new URL(t.url);
    wrong.password = "nope";
    expect(databaseProblem(wrong.toString())).toMatch(/^Could not read the applied migrations of DATABASE_URL=postgresql:\/\/claimdesk:\*\*\*@.*password authentication failed/);
    const gone = new URL(t.url);
    gone.port = "1";
    expect(databaseProblem(gone.toString())).toMatch(/^Could not read the applied migrations of DATABASE_URL=postgresql:\/\/claimdesk:\*\*\*@127\.0\.0\.1:1\/test_\w+: connect ECONNREFUSED/);
    expect(databaseProblem(withDatabase(t.url, "postgres"))).toMatch(/^DATABASE_URL=postgresql:\/\/claimdesk:\*\*\*@127\.0\.0\.1:\d+\/postgres is not migrated: \d+ migration\(s\) not applied \(first 20261206000000_init\); run `npm run setup`/);
    expect(databaseProblem("mysql://x")).toMatch(/^DATABASE_URL must be/);
  });

  it("retries a transaction that PostgreSQL aborted to break a deadlock", async () => {
    const [a, b] = await Promise.all([
      t.db.article.create({ data: { slug: "deadlock-a", title: "A" } }),
      t.db.article.create({ data: { slug: "deadlock-b", title: "B" } }),
    ]);
    // Each transaction locks one row, waits until the other has locked the other row, then asks for it.
    let locked = 0;
    const bothLocked = () =>
      new Promise<void>((resolve) => {
        locked++;
        const check = () => (locked >= 2 ? resolve() : setTimeout(check, 5));
        check();
      });
    let attempts = 0;
    const crossing = (first: string, second: string) =>
      t.db.$transaction(async (tx) => {
        attempts++;
        await tx.article.update({ where: { id: first }, data: { title: `locked by ${first}` } });
        await bothLocked();
        await tx.article.update({ where: { id: second }, data: { title: `then ${second}` } });
      }, { timeout: 20_000 });
    await Promise.all([crossing(a.id, b.id), crossing(b.id, a.id)]);
    // One of them was aborted (40P01) and run again whole: three attempts, both committed, and the
    // rows hold what the one run last wrote, as if the two had run one after the other.
    expect(attempts).toBe(3);
    const titles = Object.fromEntries((await t.db.article.findMany({ where: { id: { in: [a.id, b.id] } } })).map((r) => [r.id, r.title]));
    expect([
      { [a.id]: `locked by ${a.id}`, [b.id]: `then ${b.id}` },
      { [b.id]: `locked by ${b.id}`, [a.id]: `then ${a.id}` },
    ]).toContainEqual(titles);
  });

  it("recognises a deadlock and a serialization failure however Prisma wraps them", () => {
    expect(isWriteConflict({ code: "P2034" })).toBe(true);
    expect(isWriteConflict({ code: "P2010", meta: { driverAdapterError: { cause: { kind: "postgres", code: "40P01" } } } })).toBe(true);
    expect(isWriteConflict({ cause: { code: "40001" } })).toBe(true);
    expect(isWriteConflict({ code: "P2002" })).toBe(false);
  });
});
