import path from "node:path";

/** The embedded default: a SQLite file under data/, relative to the working directory. */
export const DEFAULT_DATABASE_URL = "file:./data/claimdesk.db";

/** DATABASE_URL when set, otherwise the embedded default. */
export function databaseUrl(): string {
  return process.env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
}

/** The file path of a `file:` URL, resolved from the working directory (as the adapter does). */
export function sqliteFilePath(url: string = databaseUrl()): string | null {
  if (!url.startsWith("file:")) return null;
  return path.resolve(url.slice("file:".length).replace(/\?.*$/, ""));
}
