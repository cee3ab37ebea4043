import { z } from "zod";
import { ArticleFields } from "@/lib/articles/new-article-schemas";

/**
 * The kinds of job and their payloads: zod only, so what merely queues a job (an app server with
 * its worker off, `npm run import --job`) never loads the claim pipeline. The handlers are in
 * import-jobs.ts. A payload is what the request already checked, as JSON; the worker checks it
 * again with the same schema, since the row crossed processes.
 */

const Text = z.string().min(1);

export const JOB_PAYLOADS = {
  /** The browser's import (/articles/new → POST /api/articles): createArticle. */
  "import-article": {
    payload: z.object({ source: z.object({ text: Text, fileName: z.string().optional() }), fields: ArticleFields, actorId: z.string().min(1) }),
    ownerOf: (p: { actorId: string }) => p.actorId,
  },
  /** A revision upload (the revisions page): importRevision. */
  "import-revision": {
    payload: z.object({ slug: z.string().min(1), text: Text, fileName: z.string().optional(), actorId: z.string().min(1) }),
    ownerOf: (p: { actorId: string }) => p.actorId,
  },
  /** `npm run import -- FILE --job` on PostgreSQL: importArticle as the command line calls it (no actor; may add a revision). */
  "import-file": {
    payload: z.object({ text: Text, fileName: z.string().min(1), slug: z.string().optional() }),
    ownerOf: () => null,
  },
} as const;

export type JobName = keyof typeof JOB_PAYLOADS;
export const JOB_NAMES = Object.keys(JOB_PAYLOADS) as JobName[];
export type JobPayload<N extends JobName> = z.input<(typeof JOB_PAYLOADS)[N]["payload"]>;
export type ParsedPayload<N extends JobName> = z.output<(typeof JOB_PAYLOADS)[N]["payload"]>;

/** Whether `name` is a kind of job. */
export function isJobName(name: string): name is JobName {
  return Object.hasOwn(JOB_PAYLOADS, name);
}

/**
 * Checks `payload` with the job's schema (a ZodError for the caller's 422), and says whose job it
 * is. A name no code knows is a programming error, not a person's.
 */
export function parsePayload(name: string, payload: unknown): { payload: unknown; ownerId: string | null } {
  if (!isJobName(name)) throw new Error(`No job is named "${name}" (lib/jobs/job-payloads.ts lists them).`);
  const kind = JOB_PAYLOADS[name] as { payload: z.ZodType; ownerOf: (p: never) => string | null };
  const parsed = kind.payload.parse(payload);
  return { payload: parsed, ownerId: kind.ownerOf(parsed as never) };
}
