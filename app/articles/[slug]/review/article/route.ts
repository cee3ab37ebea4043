import { guardedRoute } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { Slug } from "@/lib/articles/import-article";
import { getClaimList } from "@/lib/review/get-claim-list";
import { workbenchArticle } from "@/lib/review/workbench-article";

/**
 * GET the parts of the workbench's article after the first (`?from=1`), as sanitised hast trees in
 * JSON: the page carries only the first part. Rendered from the same cache the page used, so it
 * costs a read of the claim list, not a Markdown run.
 */
export const GET = guardedRoute<{ slug: string }>("workbench.view", async (request, { params, viewer }) => {
  const slug = Slug.safeParse(params.slug);
  const list = slug.success ? await getClaimList(db, { viewer, slug: slug.data }) : null;
  if (!list?.revision) throw new AppError("NOT_FOUND", "No such article.");
  const from = Math.max(1, Number(new URL(request.url).searchParams.get("from")) || 1);
  const parts = workbenchArticle(list.revision, list.claims);
  return Response.json({ revisionId: list.revision.id, parts: parts.slice(from) }, { headers: { "Cache-Control": "private, no-store" } });
});
