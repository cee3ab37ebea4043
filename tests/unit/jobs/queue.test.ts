import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ImportOutcome, ImportProgress } from "@/lib/articles/import-article";
import { openJobQueue, type JobQueue } from "@/lib/jobs";
import { readJobStatus } from "@/lib/jobs/read-job-status";
import { watchJob } from "@/lib/jobs/watch-job";
import { tempDatabase } from "../../support/temp-database";

const seed = readFileSync("content/ice-287g-fy2020.md", "utf8");

/**
 * What lib/jobs promises on either engine, over a real database: a SQLite file on `npm run
 * test:unit`, PostgreSQL and pg-boss on `npm run test:unit:postgres` (tests/support/temp-database.ts).
 * A queued import runs, reports its stages, answers the import's outcome; a refusal keeps the
 * domain's sentence and is not retried; a payload the schema refuses is never queued; only the
 * person who queued a job reads it.
 */
describe("job queue", () => {
  let t: ReturnType<typeof tempDatabase>;
  let queue: JobQueue;
  let actorId: string;
  let otherId: string;
  beforeAll(async () => {
    t = tempDatabase();
    queue = await openJobQueue(t.db, { url: t.url, work: true, timings: { pollingIntervalSeconds: 0.5 } });
    actorId = (await t.db.user.create({ data: { email: "r@example.com", name: "Rita", role: "reviewer" } })).id;
    otherId = (await t.db.user.create({ data: { email: "o@example.com", name: "Otto", role: "reviewer" } })).id;
  }, 120_000);
  afterAll(async () => {
    await queue?.stop({ graceMs: 1000 });
    await t?.dispose();
  });

  it("is chosen by the database engine: inline on SQLite, pg-boss on PostgreSQL", () => {
    expect(queue.kind).toBe(t.engine === "postgresql" ? "pg-boss" : "inline");
  });

  it("runs a browser import as a job: its stages, then the outcome, and the article is in", async () => {
    const { id } = await queue.enqueue("import-article", { source: { text: seed, fileName: "ice.md" }, fields: { title: "ICE 287(g)" }, actorId });
    const seen: ImportProgress[] = [];
    const job = await watchJob(queue, id, { onProgress: (p) => seen.push(p), intervalMs: 50 });
    expect(job.error).toBeNull();
    expect(job.state).toBe("done");
    expect(job.attempts).toBe(1);
    expect(job.ownerId).toBe(actorId);
    const outcome = job.result as ImportOutcome;
    expect(outcome).toMatchObject({ status: "created", slug: "ice", revisionNumber: 1 });
    // The last report is the last write: every claim of the article.
    expect(job.progress).toEqual({ stage: "writing", done: outcome.claimCount, total: outcome.claimCount });
    expect(seen.length).toBeGreaterThan(0);
    // However quick the job was beside the polls, the watcher tells where it ended before its outcome.
    expect(seen.at(-1)).toEqual(job.progress);
    const article = await t.db.article.findUniqueOrThrow({ where: { slug: "ice" }, select: { title: true, _count: { select: { claims: true, revisions: true } } } });
    expect(article).toEqual({ title: "ICE 287(g)", _count: { claims: outcome.claimCount, revisions: 1 } });
  });

  // Inline, the reports are told from this process's memory; on PostgreSQL the worker's progress
  // writes notify and the queue LISTENs (progress-channel.ts). Polling alone told only the last.
  it("tells every stage of an import quicker than one poll, in order, on either engine", async () => {
    const { id } = await queue.enqueue("import-article", { source: { text: seed, fileName: "ice.md" }, fields: { slug: "ice-quick" }, actorId });
    const seen: ImportProgress[] = [];
    const job = await watchJob(queue, id, { onProgress: (p) => seen.push(p), intervalMs: 5_000 });
    expect(job.state).toBe("done");
    expect(seen[0]).toEqual({ stage: "extracting", done: 0, total: 1 });
    expect(seen).toContainEqual({ stage: "writing", done: 0, total: job.progress!.total });
    expect(seen.at(-1)).toEqual(job.progress);
  }, 30_000);

  it("answers a refusal with the domain's sentence, on its field, after one try", async () => {
    const { id } = await queue.enqueue("import-article", { source: { text: seed, fileName: "ice.md" }, fields: {}, actorId });
    const job = await watchJob(queue, id, { intervalMs: 50 });
    expect(job.state).toBe("failed");
    expect(job.attempts).toBe(1);
    expect(job.error?.code).toBe("CONFLICT");
    expect(job.error?.fields?.slug?.[0]).toMatch(/slug "ice" already exists/);
    expect(await t.db.article.count({ where: { slug: "ice" } })).toBe(1);
  });

  it("imports a revision upload as a job: re-anchored onto revision 2", async () => {
    const text = seed.replace("48 hours", "72 hours");
    const { id } = await queue.enqueue("import-revision", { slug: "ice", text, fileName: "ice.md", actorId });
    const job = await watchJob(queue, id, { intervalMs: 50 });
    expect(job.error).toBeNull();
    expect(job.result).toMatchObject({ status: "revised", slug: "ice", revisionNumber: 2 });
    expect(await t.db.revision.count({ where: { article: { slug: "ice" } } })).toBe(2);
  });

  it("refuses a payload its schema refuses before anything is queued", async () => {
    await expect(queue.enqueue("import-revision", { slug: "ice", text: "", actorId })).rejects.toThrow();
    await expect(queue.enqueue("no-such-job", {})).rejects.toThrow(/No job is named/);
  });

  it("tells a job's status only to the person who queued it", async () => {
    const { id } = await queue.enqueue("import-revision", { slug: "gone", text: "Some text.", actorId });
    await watchJob(queue, id, { intervalMs: 50 });
    const status = await readJobStatus(queue, { jobId: id, viewerId: actorId });
    expect(status).toMatchObject({ state: "failed", error: { code: "NOT_FOUND" }, waiting: null });
    await expect(readJobStatus(queue, { jobId: id, viewerId: otherId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(readJobStatus(queue, { jobId: "00000000-0000-4000-8000-000000000000", viewerId: actorId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
