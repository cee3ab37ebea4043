import { z } from "zod";
import { Slug } from "@/lib/articles/import-article";
import { guardedRoute } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { exportArticle } from "@/lib/export/export-article";
import { EXPORT_FORMATS, type ExportFormat } from "@/lib/export/render-export";
import { publicOrigin } from "@/lib/reading/site-origin";

const Params = z.object({ slug: Slug, format: z.string() });

/**
 * GET /api/articles/<slug>/export/<format>: one export of one article as a download, for anyone
 * who may export (session or API token). Links in the exports are built from the configured public
 * URL (CLAIMDESK_PUBLIC_URL), never from the request, whose Host a client writes.
 */
export const GET = guardedRoute<{ slug: string; format: string }>("article.export", async (_request, { params }) => {
  const { slug, format } = Params.parse(params);
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new AppError("NOT_FOUND", `There is no "${format}" export; the formats are ${EXPORT_FORMATS.join(", ")}.`);
  }
  const file = await exportArticle(db, { slug, format: format as ExportFormat, baseUrl: publicOrigin() });
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
