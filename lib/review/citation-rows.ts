import { normalizeUrl } from "./normalize-url";
import type { Tx } from "./record-audit";

/**
 * What add, update and remove citation share: the source upsert (one Source per normalised URL),
 * the fields a citation is read with, and its audit snapshot.
 */

/** A citation as the workbench shows it, with its source's fields flattened in. */
export type SavedCitation = {
  id: string;
  reviewId: string;
  sourceId: string;
  url: string;
  title: string | null;
  publisher: string | null;
  publishedOn: string | null;
  accessedOn: string | null;
  excerpt: string;
  stance: string;
  archiveUrl: string | null;
  position: number;
};

export const CITATION_FIELDS = {
  id: true,
  reviewId: true,
  sourceId: true,
  stance: true,
  excerpt: true,
  accessedOn: true,
  archiveUrl: true,
  position: true,
  source: { select: { url: true, title: true, publisher: true, publishedOn: true } },
} as const;

type CitationRow = Omit<SavedCitation, "url" | "title" | "publisher" | "publishedOn"> & {
  source: { url: string; title: string | null; publisher: string | null; publishedOn: string | null };
};

/** Flattens a citation row read with CITATION_FIELDS. */
export function toSavedCitation(row: CitationRow): SavedCitation {
  const { source, ...citation } = row;
  return { ...citation, ...source };
}

/** The audit snapshot of a citation; claimId lets the claim's history find it after removal. */
export function citationSnapshot(claimId: string, citation: SavedCitation): Record<string, unknown> {
  const { reviewId, url, title, stance, excerpt, accessedOn, archiveUrl } = citation;
  return { claimId, reviewId, url, title, stance, excerpt, accessedOn, archiveUrl };
}

export type SourceFields = { url: string; title?: string; publisher?: string; publishedOn?: string };

/**
 * Finds the Source for a URL by its normalised form, or creates it. Sources are shared by every
 * citation of the same page, so by default a known source only gains the metadata it lacks and one
 * person's title never replaces another's; `correct` is for editing a citation, where the person
 * is fixing the source's metadata on purpose.
 */
export async function upsertSource(tx: Tx, fields: SourceFields, mode: "fill" | "correct" = "fill"): Promise<{ id: string }> {
  const normalizedUrl = normalizeUrl(fields.url);
  const existing = await tx.source.findUnique({
    where: { normalizedUrl },
    select: { id: true, title: true, publisher: true, publishedOn: true },
  });
  if (!existing) {
    return tx.source.create({
      data: { url: fields.url, normalizedUrl, title: fields.title, publisher: fields.publisher, publishedOn: fields.publishedOn },
      select: { id: true },
    });
  }
  const changes: { title?: string; publisher?: string; publishedOn?: string } = {};
  for (const key of ["title", "publisher", "publishedOn"] as const) {
    const given = fields[key];
    if (given && (mode === "correct" ? existing[key] !== given : existing[key] === null)) changes[key] = given;
  }
  if (Object.keys(changes).length > 0) await tx.source.update({ where: { id: existing.id }, data: changes });
  return { id: existing.id };
}
