import type pg from "pg";
import { PROGRESS_CHANNEL } from "./job-table";
import type { JobProgress } from "./types";

/** A job's reports heard so far, and who is listening for the next ones. */
type Heard = { told: JobProgress[]; listeners: Set<(progress: JobProgress) => void>; since: number };

/** How long a job's heard reports are kept for a late subscriber: longer than any import runs. */
const KEEP_MS = 60 * 60 * 1000;
/** A very long job's reports beyond this are dropped from the replay (the newest stay). */
const MAX_TOLD = 1_000;

export type ProgressChannel = {
  /** Starts keeping `id`'s reports from now on (the job is about to be queued here); LISTENs first. */
  expect(id: string): Promise<void>;
  /** Tells the job's reports heard so far, then each as it is heard; null while not listening. */
  subscribe(id: string, listener: (progress: JobProgress) => void): (() => void) | null;
  /** Resolves once every notification sent before the call has been told (one round trip on the listening client). */
  settle(): Promise<void>;
  close(): Promise<void>;
};

/**
 * Progress pushed from PostgreSQL: one dedicated client of this process LISTENs on PROGRESS_CHANNEL,
 * opened with the first job queued or watched here. Polling the job row lost every stage of a job
 * quicker than one poll (the browser import's stream began at its last stage); a worker on any
 * server now tells this one each report as it commits. A lost connection is reopened by the next
 * `expect`; meanwhile `subscribe` answers null and watchers read the row as before.
 */
export function progressChannel(url: string): ProgressChannel {
  const heard = new Map<string, Heard>();
  let client: pg.Client | null = null;
  let opening: Promise<pg.Client> | null = null;

  const entry = (id: string) => {
    let job = heard.get(id);
    if (!job) {
      forgetOld(heard);
      job = { told: [], listeners: new Set(), since: Date.now() };
      heard.set(id, job);
    }
    return job;
  };
  const onNotification = (message: pg.Notification) => {
    if (message.channel !== PROGRESS_CHANNEL || !message.payload) return;
    const { id, progress } = JSON.parse(message.payload) as { id: string; progress: JobProgress };
    const job = heard.get(id);
    if (!job) return;
    job.told.push(progress);
    if (job.told.length > MAX_TOLD) job.told.shift();
    for (const listener of job.listeners) listener(progress);
  };
  const open = (): Promise<pg.Client> => {
    if (client) return Promise.resolve(client);
    opening ??= (async () => {
      // Loaded here, as pg-boss is: a SQLite desk never loads the PostgreSQL driver.
      const { default: Pg } = await import("pg");
      const c = new Pg.Client({ connectionString: url, application_name: "claimdesk-job-progress" });
      c.on("notification", onNotification);
      const lost = (error?: unknown) => {
        if (error) console.error("job progress: the listening connection was lost:", error);
        if (client === c) client = null;
      };
      c.on("error", lost);
      c.on("end", () => lost());
      try {
        await c.connect();
        await c.query(`LISTEN ${PROGRESS_CHANNEL}`);
      } catch (error) {
        await c.end().catch(() => {});
        throw error;
      }
      client = c;
      return c;
    })().finally(() => {
      opening = null;
    });
    return opening;
  };

  return {
    async expect(id) {
      await open();
      entry(id);
    },
    subscribe(id, listener) {
      if (!client) {
        void open().catch((error: unknown) => console.error("job progress:", error));
        return null;
      }
      const job = entry(id);
      for (const p of job.told) listener(p);
      job.listeners.add(listener);
      return () => job.listeners.delete(listener);
    },
    async settle() {
      // PostgreSQL sends a listening session its pending notifications before it answers a query,
      // and pg emits them before it resolves that query.
      if (client) await client.query("SELECT 1").catch(() => {});
    },
    async close() {
      const c = client ?? (opening ? await opening.catch(() => null) : null);
      client = null;
      await c?.end().catch(() => {});
    },
  };
}

function forgetOld(heard: Map<string, Heard>): void {
  const before = Date.now() - KEEP_MS;
  for (const [id, job] of heard) if (job.since < before && job.listeners.size === 0) heard.delete(id);
}
