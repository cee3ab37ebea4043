import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { AppError } from "@/lib/errors";
import { MAX_ARTICLE_BYTES, tooLargeMessage } from "./article-limits";

export { MAX_ARTICLE_BYTES };

/**
 * Checks the raw bytes of an article and decodes them. Refuses, with a sentence a person
 * understands, what cannot be an article: empty, binary, not UTF-8 or too large.
 */
export function decodeArticleBytes(bytes: Uint8Array, name: string): string {
  if (bytes.byteLength === 0) throw new AppError("BAD_INPUT", `${name} is empty.`);
  if (bytes.byteLength > MAX_ARTICLE_BYTES) {
    throw new AppError("TOO_LARGE", tooLargeMessage(name, bytes.byteLength));
  }
  if (bytes.includes(0)) throw new AppError("BAD_INPUT", `${name} looks like a binary file (it holds NUL bytes), not an article.`);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("BAD_INPUT", `${name} is not valid UTF-8 text; save it as UTF-8 and import it again.`);
  }
  // A byte-order mark is an encoding artefact, not part of the article's words.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === "") throw new AppError("BAD_INPUT", `${name} holds only white space.`);
  return text;
}

/** Reads an article file from disk, refusing missing files and directories before reading. */
export async function readArticleFile(file: string): Promise<string> {
  const name = path.basename(file);
  const info = await stat(file).catch(() => null);
  if (!info) throw new AppError("NOT_FOUND", `${file} does not exist.`);
  if (!info.isFile()) throw new AppError("BAD_INPUT", `${file} is not a file.`);
  if (info.size > MAX_ARTICLE_BYTES) {
    throw new AppError("TOO_LARGE", tooLargeMessage(name, info.size));
  }
  return decodeArticleBytes(new Uint8Array(await readFile(file)), name);
}
