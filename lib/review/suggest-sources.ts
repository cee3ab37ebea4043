import type { Database } from "@/lib/db/create-database";
import { SuggestSourcesInput } from "./schemas";

/** A known source offered while a citation's URL is typed. */
export type SourceSuggestion = {
  id: string;
  url: string;
  title: string | null;
  publisher: string | null;
  publishedOn: string | null;
  citationCount: number;
};

/**
 * Sources whose URL or title contains the query, most cited first, so the desk converges on one
 * source row per page. Read-only; any signed-in reviewer may ask.
 *
 * Case-insensitive on both engines: SQLite's LIKE ignores ASCII case by itself, PostgreSQL's
 * needs `mode: "insensitive"` (ILIKE), which the SQLite client refuses, so it is asked for there only.
 */
export async function suggestSources(db: Database, input: SuggestSourcesInput): Promise<SourceSuggestion[]> {
  const { query, limit } = SuggestSourcesInput.parse(input);
  // The shared client type is SQLite's, which has no `mode`: the filter is widened for PostgreSQL.
  const contains = (value: string) => (onPostgres(db) ? ({ contains: value, mode: "insensitive" } as { contains: string }) : { contains: value });
  const rows = await db.source.findMany({
    where: { OR: [{ url: contains(query) }, { normalizedUrl: contains(query.toLowerCase()) }, { title: contains(query) }] },
    orderBy: [{ citations: { _count: "desc" } }, { createdAt: "desc" }],
    take: limit,
    select: { id: true, url: true, title: true, publisher: true, publishedOn: true, _count: { select: { citations: true } } },
  });
  return rows.map(({ _count, ...source }) => ({ ...source, citationCount: _count.citations }));
}

/** Whether a client is on PostgreSQL: Prisma's own provider name. TODO(P1): lib/db's per-client engine helper. */
function onPostgres(db: Database): boolean {
  return (db as unknown as { _activeProvider?: string })._activeProvider === "postgresql";
}
