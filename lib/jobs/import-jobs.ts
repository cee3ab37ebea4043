import { createHash } from "node:crypto";
import { createArticle } from "@/lib/articles/create-article";
import { importArticle, type ImportOutcome } from "@/lib/articles/import-article";
import { PASTED_FILE_NAME } from "@/lib/articles/preview-article";
import { prepareArticle } from "@/lib/claims";
import type { Database } from "@/lib/db/create-database";
import { importRevision } from "@/lib/revisions/import-revision";
import type { JobName, ParsedPayload } from "./job-payloads";
import type { JobContext } from "./types";

/**
 * The handlers of the long jobs (their payloads: job-payloads.ts): the three ways an article comes
 * in, each the domain verb it was on the request (lib/articles, lib/revisions), run by a worker.
 * A handler throws an AppError to refuse (shown to the person, never retried) or anything else to
 * fail (retried by pg-boss). Loaded only where jobs are run (run-job.ts).
 */
export const JOB_HANDLERS: { [N in JobName]: (payload: ParsedPayload<N>, context: JobContext) => Promise<ImportOutcome> } = {
  "import-article": async ({ source, fields, actorId }, context) =>
    (await alreadyImported(context, { text: source.text, fileName: source.fileName ?? PASTED_FILE_NAME, actorId, slug: fields.slug })) ??
    createArticle(context.db, { source, fields, actorId }, { onProgress: context.progress }),
  // importRevision has no progress listener of its own (lib/revisions, I13's): the stages show as
  // "Finding claims…" until its one transaction is done.
  "import-revision": async (payload, context) => {
    context.progress({ stage: "extracting", done: 0, total: 1 });
    return (await alreadyImported(context, { ...payload, fileName: payload.fileName || PASTED_REVISION })) ?? importRevision(context.db, payload);
  },
  "import-file": async (payload, context) =>
    (await alreadyImported(context, { ...payload, actorId: null })) ?? importArticle(context.db, { ...payload, onProgress: context.progress }),
};

/** Pasted text has no file name; each verb names it so (create-article.ts, import-revision.ts), and the format follows. */
const PASTED_REVISION = "pasted text";

/** queuedAt is the database's clock, importedAt the worker's: allow them to disagree a little. */
const CLOCK_SKEW_MS = 60_000;

/**
 * On a second try only: the revision an earlier try of this job wrote, if it committed before its
 * worker died (the import is one transaction, so it is all there or not at all). Found by what
 * only that try could have written: this text's content hash, by this actor, since the job was
 * queued (and under its slug, when the job names one). Without it the retry of a new article would
 * be refused as a taken slug, and the retry of a revision answered "unchanged", though the
 * person's import went in.
 */
async function alreadyImported(
  context: JobContext,
  input: { text: string; fileName: string; actorId: string | null; slug?: string },
): Promise<ImportOutcome | null> {
  if (context.attempt <= 1) return null;
  const { markdown } = prepareArticle(input.text, { fileName: input.fileName });
  const contentHash = createHash("sha256").update(markdown).digest("hex");
  const since = new Date(context.queuedAt.getTime() - CLOCK_SKEW_MS);
  return outcomeOf(context.db, { contentHash, actorId: input.actorId, since, slug: input.slug });
}

async function outcomeOf(db: Database, where: { contentHash: string; actorId: string | null; since: Date; slug?: string }): Promise<ImportOutcome | null> {
  const revision = await db.revision.findFirst({
    where: { contentHash: where.contentHash, importedById: where.actorId, importedAt: { gte: where.since }, ...(where.slug ? { article: { slug: where.slug } } : {}) },
    orderBy: { importedAt: "desc" },
    select: { id: true, number: true, article: { select: { id: true, slug: true } }, _count: { select: { claims: true } } },
  });
  if (!revision) return null;
  const status = revision.number === 1 ? "created" : "revised";
  return { status, slug: revision.article.slug, articleId: revision.article.id, revisionNumber: revision.number, claimCount: revision._count.claims };
}
