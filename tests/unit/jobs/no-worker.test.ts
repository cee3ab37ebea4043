import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openJobQueue, type JobQueue } from "@/lib/jobs";
import { readJobStatus } from "@/lib/jobs/read-job-status";
import { NO_WORKER_AFTER_MS, waitingText } from "@/lib/jobs/watch-job";
import { onPostgres } from "../../support/postgres";
import { tempDatabase } from "../../support/temp-database";

// PostgreSQL only (npm run test:unit:postgres): on SQLite a job runs in the process that queues it, so it never waits.
describe.skipIf(!onPostgres)("a job on PostgreSQL with no worker running", () => {
  let t: ReturnType<typeof tempDatabase>;
  let queue: JobQueue;
  beforeAll(async () => {
    t = tempDatabase();
    // An app server with CLAIMDESK_JOBS_WORKER=off and no `npm run worker`.
    queue = await openJobQueue(t.db, { url: t.url, work: false });
  }, 120_000);
  afterAll(async () => {
    await queue?.stop({ graceMs: 1000 });
    await t?.dispose();
  }, 60_000);

  it("stays queued, and the person is told plainly once it has waited", async () => {
    const actorId = (await t.db.user.create({ data: { email: "r@example.com", name: "Rita", role: "reviewer" } })).id;
    const { id } = await queue.enqueue("import-revision", { slug: "any", text: "Some text.", actorId });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const job = (await queue.get(id))!;
    expect(job).toMatchObject({ state: "queued", attempts: 0, progress: null, result: null, error: null });
    expect(waitingText(job, job.queuedAt.getTime() + 1000)).toMatch(/^Queued; waiting for a worker/);
    const later = waitingText(job, job.queuedAt.getTime() + NO_WORKER_AFTER_MS + 1);
    expect(later).toMatch(/No worker has started this import yet/);
    expect(later).toMatch(/npm run worker/);
    expect(await readJobStatus(queue, { jobId: id, viewerId: actorId })).toMatchObject({ state: "queued", waiting: expect.stringMatching(/waiting for a worker/) });
    // Nothing was imported while it waited.
    expect(await t.db.revision.count()).toBe(0);
  });
});
