import path from "node:path";

/** The embedded default: a SQLite file under data/, relative to the working directory. */
export const DEFAULT_DATABASE_URL = "file:./data/claimdesk.db";

/** The two engines a DATABASE_URL can name (DESIGN §7): the embedded file, or a PostgreSQL server. */
export type DatabaseEngine = "sqlite" | "postgresql";

/** DATABASE_URL when set, otherwise the embedded default. */
export function databaseUrl(): string {
  return process.env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
}

/**
 * The engine a URL names: `file:` is SQLite, `postgres://` or `postgresql://` is PostgreSQL.
 * Anything else is refused with a sentence naming the variable (the password left out), before
 * anything is opened.
 */
export function engineOf(url: string): DatabaseEngine {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//i.test(url)) return "postgresql";
  throw new Error(`DATABASE_URL must be a file: URL (SQLite) or a postgres:// or postgresql:// URL (PostgreSQL); it is "${redactedUrl(url)}".`);
}

/** The engine of this process's database (DATABASE_URL): for the few places whose SQL differs. */
export function databaseEngine(): DatabaseEngine {
  return engineOf(databaseUrl());
}

/** The URL with any password replaced by ***, for messages and logs. */
export function redactedUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/?#@]*:)[^@/?#]*@/i, "$1***@");
}

/** The file path of a `file:` URL, resolved from the working directory (as the adapter does). */
export function sqliteFilePath(url: string = databaseUrl()): string | null {
  if (!url.startsWith("file:")) return null;
  return path.resolve(url.slice("file:".length).replace(/\?.*$/, ""));
}
