import "server-only";
import { AppError } from "@/lib/errors";
import { PASTED_TEXT } from "./article-limits";
import type { FieldName } from "./new-article-schemas";
import { decodeArticleBytes } from "./source-file";

/** What an article read from a form is: its text, and the chosen file's name (none for pasted text). */
export type ArticleSource = { text: string; fileName?: string };


/**
 * The text of the form's chosen file, or else its pasted text, checked by the command line's own
 * reader (decodeArticleBytes): the same refusals with the same sentences ("notes.pdf looks like a
 * binary file…"), each pinned to the field it is about so the form can point at it.
 */
export async function readArticleSource(input: { file?: File; text?: string }): Promise<ArticleSource> {
  const { file } = input;
  if (file) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    return { text: onField("file", () => decodeArticleBytes(bytes, file.name)), fileName: file.name };
  }
  return { text: onField("text", () => decodeArticleBytes(new TextEncoder().encode(input.text ?? ""), PASTED_TEXT)) };
}

/** Runs `read`, adding `field` to the refusal it throws. */
function onField<T>(field: FieldName, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    throw new AppError(error.code, error.message, { fieldErrors: { [field]: [error.message] }, cause: error });
  }
}
