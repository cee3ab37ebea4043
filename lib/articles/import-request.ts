import "server-only";
import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { readCappedBytes } from "@/lib/processing/read-capped-body";
import { MAX_ARTICLE_BYTES, tooLargeMessage } from "./article-limits";
import { readArticleSource, type ArticleSource } from "./article-source";
import { formDataObject } from "./new-article-schemas";

/**
 * Room for the form's other fields and the multipart framing around one article: a file a little
 * over the limit still reaches the command line's reader and gets its sentence with the file's name.
 */
const MAX_BODY_BYTES = 2 * MAX_ARTICLE_BYTES;

/**
 * The import form's multipart body (a route handler's request), parsed by the operation's schema
 * (new-article-schemas.ts) and its article read by the command line's reader (article-source.ts).
 * A ZodError becomes a 422 with field messages in the route wrapper.
 */
export async function readImportForm<S extends z.ZodType<{ file?: File; text?: string }>>(
  request: Request,
  schema: S,
): Promise<{ input: z.output<S>; source: ArticleSource }> {
  // Capped while read: a chunked upload with no Content-Length is never buffered past the limit.
  const body = await readCappedBytes(request, MAX_BODY_BYTES, (size) => new AppError("TOO_LARGE", tooLargeMessage("The upload", size ?? MAX_BODY_BYTES + 1)));
  const bounded = new Request(request.url, { method: "POST", headers: { "content-type": request.headers.get("content-type") ?? "" }, body });
  const form = await bounded.formData().catch(() => {
    throw new AppError("BAD_INPUT", "Send the article as a form upload (multipart/form-data) with a file or a text field.");
  });
  const input = schema.parse(formDataObject(form));
  return { input, source: await readArticleSource(input) };
}
