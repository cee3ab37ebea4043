import { guardedRoute } from "@/lib/auth/guard";
import { IMPORT_EVENTS_TYPE } from "@/lib/articles/import-events";
import { readImportForm } from "@/lib/articles/import-request";
import { CreateArticleInput } from "@/lib/articles/new-article-schemas";
import { db } from "@/lib/db/client";
import { listArticlesPage } from "@/lib/desk/list-articles-page";
import { AppError } from "@/lib/errors";
import { appJobQueue } from "@/lib/jobs/app-queue";
import { jobEventStream } from "@/lib/jobs/job-events";
import { watchJob } from "@/lib/jobs/watch-job";

/** GET /api/articles?page=&pageSize=: every article, a page at a time (pageSize at most 100). */
export const GET = guardedRoute("workbench.view", async (request) => {
  const search = new URL(request.url).searchParams;
  const page = await listArticlesPage(db, { page: search.get("page") ?? undefined, pageSize: search.get("pageSize") ?? undefined });
  return Response.json(page, { headers: { "Cache-Control": "private, no-store" } });
});

/**
 * POST /api/articles (multipart: `file` or `text`, and optional title, slug, publisher, author,
 * originalUrl, publishedOn): creates an article, as the import form does. The form is read and
 * checked here (a refusal of the bytes or the fields is answered at once); the import itself is a
 * job (lib/jobs): in this process on SQLite, on PostgreSQL by whichever worker takes it. 201 with
 * the outcome once it is done; a taken slug is a 409. With `Accept: application/x-ndjson` (the
 * import form) the answer is a stream of the job's stages, then the outcome or the refusal
 * (lib/jobs/job-events.ts). A route handler, not a server action, so the file's own bytes reach
 * the command line's reader, and an API token can import too.
 */
export const POST = guardedRoute("article.import", async (request, { viewer }) => {
  const { input, source } = await readImportForm(request, CreateArticleInput);
  const { title, slug, publisher, author, originalUrl, publishedOn } = input;
  const fields = { title, slug, publisher, author, originalUrl, publishedOn };
  const queue = await appJobQueue();
  const { id } = await queue.enqueue("import-article", { source, fields, actorId: viewer.id });
  if (request.headers.get("accept")?.includes(IMPORT_EVENTS_TYPE)) {
    return new Response(jobEventStream(queue, id, request.signal), { headers: { "Content-Type": IMPORT_EVENTS_TYPE, "Cache-Control": "no-store", "X-Job-Id": id } });
  }
  const job = await watchJob(queue, id, { signal: request.signal });
  if (job.state !== "done" && job.state !== "failed") return Response.json({ job: { id, state: job.state } }, { status: 202 });
  if (job.state === "failed") throw new AppError(job.error!.code, job.error!.message, { fieldErrors: job.error!.fields });
  return Response.json({ data: job.result }, { status: 201 });
});
