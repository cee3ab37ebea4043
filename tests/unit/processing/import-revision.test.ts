import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importArticle } from "@/lib/articles/import-article";
import { AppError } from "@/lib/errors";
import { spanIndex } from "@/lib/revisions/carry-claims";
import { importRevision } from "@/lib/revisions/import-revision";
import { tempDatabase } from "../../support/temp-database";

const seed = readFileSync("content/ice-287g-fy2020.md", "utf8");
let t: ReturnType<typeof tempDatabase>;
let actorId: string;

beforeAll(async () => {
  t = tempDatabase();
  actorId = (await t.db.user.create({ data: { email: "e@example.com", name: "Eddie", role: "editor" } })).id;
  await importArticle(t.db, { text: seed, fileName: "ice.md", slug: "ice", actorId });
});
afterAll(() => t.dispose());

const counts = async () => ({ revisions: await t.db.revision.count(), claims: await t.db.claim.count(), events: await t.db.auditEvent.count() });

describe("a revision upload read in a worker", () => {
  it("a 10,000-deep nested list is refused with a sentence and writes nothing", async () => {
    const before = await counts();
    const error = await importRevision(t.db, { slug: "ice", text: `${seed}\n\n${"- ".repeat(10_000)}item\n`, actorId }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(/^Line \d+ nests lists or quotes 10000 levels deep; the limit is 1000\./);
    expect(await counts()).toEqual(before);
  });

  it("text over the time limit is refused as too complex and writes nothing", async () => {
    const before = await counts();
    const slow = Array.from({ length: 40 }, () => "*a".repeat(2_400)).join("\n\n");
    const error = await importRevision(t.db, { slug: "ice", text: `${seed}\n\n${slow}`, actorId }, { timeLimitMs: 1_000 }).catch((e: unknown) => e);
    expect((error as AppError).message).toMatch(/^This text is too complex to process \(it took longer than 1 second\)/);
    expect(await counts()).toEqual(before);
  });

  it("an aborted request writes nothing", async () => {
    const before = await counts();
    const controller = new AbortController();
    controller.abort();
    await expect(importRevision(t.db, { slug: "ice", text: `${seed}\n\nA new sentence with 12 figures.`, actorId }, { signal: controller.signal })).rejects.toThrow();
    expect(await counts()).toEqual(before);
  });

  it("an ordinary revision is imported and re-anchored", async () => {
    const outcome = await importRevision(t.db, { slug: "ice", text: seed.replace("from 36 to 149", "from 36 to 150"), fileName: "ice.md", actorId });
    expect(outcome).toMatchObject({ status: "revised", revisionNumber: 2 });
    expect(outcome.reanchored!.changed).toBeGreaterThanOrEqual(1);
  });
});

describe("spanIndex (which extracted claims a carried claim already covers)", () => {
  it("answers as a scan of every span would", () => {
    const spans: Array<[number, number]> = [[50, 60], [0, 100], [200, 210], [205, 206]];
    const overlaps = spanIndex(spans);
    for (let start = 0; start < 260; start += 3) {
      for (const length of [1, 5, 40]) {
        const end = start + length;
        expect(overlaps(start, end), `${start}-${end}`).toBe(spans.some(([s, e]) => s < end && e > start));
      }
    }
  });

  it("100,000 spans by 100,000 questions take milliseconds, not minutes", () => {
    const spans = Array.from({ length: 100_000 }, (_, i) => [i * 40, i * 40 + 30] as [number, number]);
    const overlaps = spanIndex(spans);
    const started = performance.now();
    let hits = 0;
    for (let i = 0; i < 100_000; i++) if (overlaps(i * 40 + 5, i * 40 + 10)) hits++;
    expect(hits).toBe(100_000);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
