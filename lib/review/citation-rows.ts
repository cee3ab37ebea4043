import { can, type Viewer } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import { normalizeUrl } from "./normalize-url";
import { recordAudit, type Tx } from "./record-audit";

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

type SourceMetadata = { title: string | null; publisher: string | null; publishedOn: string | null };
const METADATA = ["title", "publisher", "publishedOn"] as const;

/** What upsertSource did: the source's id, its fields before and after a change, or why typed fields were kept out. */
export type UpsertedSource = {
  id: string;
  /** Set when an existing source cited by an approved verdict was changed (only an editor can): for its audit event. */
  correctedLocked?: { before: SourceMetadata; after: SourceMetadata };
  /** Set when the viewer's typed metadata was left out because an approved verdict cites the source. */
  notice?: string;
};

export const LOCKED_SOURCE_MESSAGE = "This source is cited by an approved verdict; ask an editor to change its title or publisher.";
const KEPT_NOTICE = "This source is cited by an approved verdict, so its stored title, publisher and date were kept; ask an editor to change them.";

/**
 * Finds the Source for a URL by its normalised form, or creates it. Sources are shared by every
 * citation of the same page, so by default a known source only gains the metadata it lacks and one
 * person's title never replaces another's; `correct` is for editing a citation, where the person
 * is fixing the source's metadata on purpose.
 *
 * A source that an approved verdict cites is part of what that verdict shows (issue 11, finding 7):
 * only a viewer who may approve changes it, and the verb audits that change. A reviewer adding a
 * citation of it keeps the stored metadata (with a notice); a reviewer's correction is refused.
 */
export async function upsertSource(
  tx: Tx,
  fields: SourceFields,
  options: { mode?: "fill" | "correct"; viewer: NonNullable<Viewer> },
): Promise<UpsertedSource> {
  const mode = options.mode ?? "fill";
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
  const changes: Partial<Record<(typeof METADATA)[number], string>> = {};
  for (const key of METADATA) {
    const given = fields[key];
    if (given && (mode === "correct" ? existing[key] !== given : existing[key] === null)) changes[key] = given;
  }
  const typedOther = METADATA.some((key) => fields[key] && fields[key] !== existing[key]);
  // The lock is read only when something would change or was typed differently: the common add is one read.
  if (!typedOther || !(await citedByApprovedVerdict(tx, existing.id))) {
    if (Object.keys(changes).length > 0) await tx.source.update({ where: { id: existing.id }, data: changes });
    return { id: existing.id };
  }
  const before = { title: existing.title, publisher: existing.publisher, publishedOn: existing.publishedOn };
  if (!can(options.viewer, "claim.approve")) {
    if (mode === "correct" && Object.keys(changes).length > 0) throw new AppError("FORBIDDEN", LOCKED_SOURCE_MESSAGE);
    return { id: existing.id, notice: KEPT_NOTICE };
  }
  if (Object.keys(changes).length === 0) return { id: existing.id };
  await tx.source.update({ where: { id: existing.id }, data: changes });
  return { id: existing.id, correctedLocked: { before, after: { ...before, ...changes } } };
}

/** Whether any approved claim's final review cites the source. */
async function citedByApprovedVerdict(tx: Tx, sourceId: string): Promise<boolean> {
  const cited = await tx.citation.findFirst({ where: { sourceId, review: { approvedFor: { isNot: null } } }, select: { id: true } });
  return cited !== null;
}

/**
 * Audits an editor's change to a source an approved verdict cites, under the citation it was made
 * through (AuditEvent has no source entity): the claim's history shows it, `sourceId` names the row.
 */
export async function recordLockedSourceCorrection(
  tx: Tx,
  event: { actorId: string; articleId: string; claimId: string; citationId: string; sourceId: string; change: NonNullable<UpsertedSource["correctedLocked"]> },
): Promise<void> {
  const { claimId, sourceId, change } = event;
  await recordAudit(tx, {
    actorId: event.actorId,
    action: "source.correct",
    entityType: "citation",
    entityId: event.citationId,
    articleId: event.articleId,
    before: { claimId, sourceId, ...change.before },
    after: { claimId, sourceId, ...change.after },
  });
}
