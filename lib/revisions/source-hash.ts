import { createHash } from "node:crypto";
import path from "node:path";

/**
 * The hash of a file as given (before any conversion), with what decides how it is read: the
 * explicit format and the file name's extension. importArticle records it with each revision whose
 * slug came from --slug or the file name, so an HTML or plain-text file is known again before it
 * is converted (lib/articles/unchanged-file.ts).
 */
export function sourceFileHash(text: string, fileName: string, format?: string): string {
  const extension = path.extname(fileName).toLowerCase();
  return createHash("sha256").update(`${format ?? ""}\u0000${extension}\u0000`).update(text).digest("hex");
}
