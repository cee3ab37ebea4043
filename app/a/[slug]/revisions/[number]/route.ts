import { Slug } from "@/lib/articles/import-article";
import { getViewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { readRevisionText, revisionTextResponse } from "@/lib/reading/revision-text";

export const dynamic = "force-dynamic";

/**
 * GET /a/<slug>/revisions/<n>: one revision's plain text (text/plain), the target the W3C annotation
 * export points at and whose code points its selectors count (lib/export/web-annotations.ts).
 * Access as for the reading view: published articles for everyone, drafts for staff, a 404 for
 * anyone else (lib/reading/revision-text.ts).
 */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; number: string }> }): Promise<Response> {
  const viewer = await getViewer();
  const { slug, number } = await params;
  const parsedSlug = Slug.safeParse(slug);
  const revision = /^[1-9]\d{0,8}$/.test(number) ? Number(number) : null;
  const found = parsedSlug.success && revision !== null ? await readRevisionText(db, parsedSlug.data, revision) : null;
  return revisionTextResponse(found, viewer);
}
