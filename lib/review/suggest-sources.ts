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
 * Case-insensitive on SQLite, whose LIKE ignores ASCII case; a PostgreSQL deployment needs
 * `mode: "insensitive"` here, which the SQLite client does not accept.
 */
export async function suggestSources(db: Database, input: SuggestSourcesInput): Promise<SourceSuggestion[]> {
  const { query, limit } = SuggestSourcesInput.parse(input);
  const rows = await db.source.findMany({
    where: { OR: [{ url: { contains: query } }, { normalizedUrl: { contains: query.toLowerCase() } }, { title: { contains: query } }] },
    orderBy: [{ citations: { _count: "desc" } }, { createdAt: "desc" }],
    take: limit,
    select: { id: true, url: true, title: true, publisher: true, publishedOn: true, _count: { select: { citations: true } } },
  });
  return rows.map(({ _count, ...source }) => ({ ...source, citationCount: _count.citations }));
}
