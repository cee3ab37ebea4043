import type { Database } from "@/lib/db/create-database";
import { AppError, toAppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { claimIdOfEvent } from "@/lib/review/audit-history";
import { parseJsonObject } from "@/lib/review/json-columns";
import { BackupSchema, type BackupFile, type BackupV1 } from "./backup";
import { matchPeople, restorerRights, type Restorer } from "./restore-people";
import { describeReplaced, importTrail, keepTrail, recordRestore } from "./restore-history";

export type { Restorer } from "./restore-people";

/** A backup that passed validation, in the current version. */
export type Backup = BackupFile;

type Tx = Parameters<Parameters<Database["$transaction"]>[0]>[0];

export type RestoreOptions = {
  /** Replace an article with the same slug (its audit trail is kept), instead of refusing. */
  replace?: boolean;
  /** Who restores: the audit trail names them, and only an admin or the operator may bring in new people. Unsaid: not an admin. */
  restorer?: Restorer;
};

export type RestoreOutcome = {
  slug: string;
  articleId: string;
  replaced: boolean;
  /** The file's format version (1 files are upgraded: see upgradeVersion1). */
  version: 1 | 2;
  revisions: number;
  claims: number;
  claimAnchors: number;
  reviews: number;
  citations: number;
  /** The file's audit events written, as imported history (those this trail already held are not copied). */
  auditEvents: number;
  /** Audit events of the replaced article that stayed, moved onto the restored one. */
  auditEventsKept: number;
  /** People with no account here, created as disabled reviewers (admins and the operator only). */
  usersCreated: number;
  usersMatched: number;
  sourcesCreated: number;
  sourcesMatched: number;
};

/**
 * Restores a backup.json (version 2, or 1 upgraded) into a database: the article with the same ids
 * and timestamps, its revisions, claims and their anchors, reviews, citations and audit trail, every
 * column as the file has it, within the restorer's rights. People are matched to accounts by email
 * and never changed; one with no account here is created (a disabled reviewer without a password)
 * only when an admin or the operator restores, otherwise the restore is refused (restore-people.ts).
 * The file's audit events come in marked as imported, the restore is itself audited, and a replace
 * keeps the replaced article's trail (restore-history.ts). Sources are matched by normalised URL.
 * Everything is written in one transaction: a refused or failed restore writes nothing.
 *
 * `input` is the file's text or its parsed JSON. Throws AppError: INVALID for a malformed backup
 * (the first problem, with its path; every URL must be http or https), FORBIDDEN when it names
 * people with no account and the restorer may not create them, CONFLICT when the slug or any
 * record already exists.
 */
export async function restoreBackup(db: Database, input: unknown, options: RestoreOptions = {}): Promise<RestoreOutcome> {
  const { backup, version } = readBackup(input);
  try {
    return { ...(await db.$transaction((tx) => write(tx, backup, options), { timeout: 120_000, maxWait: 10_000 })), version };
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError(
        "CONFLICT",
        "This database already holds records with the backup's ids (another copy of this article?); nothing was restored. Restore into an empty or different database, or replace the article.",
        { cause: error },
      );
    }
    if (error instanceof Prisma.PrismaClientValidationError) {
      // A column the file's schema checks only as a JSON scalar (added after this version) held a value its type refuses.
      const column = /Argument `(\w+)`/.exec(error.message)?.[1];
      throw new AppError("INVALID", `Not a valid Claimdesk backup: ${column ? `the column "${column}"` : "a column"} holds a value of the wrong type; nothing was restored.`, { cause: error });
    }
    throw toAppError(error);
  }
}

/**
 * Validates a backup of either version: the schema, then that every reference points at a record
 * in the same file. A version-1 file comes back upgraded to version 2.
 */
export function parseBackup(input: unknown): Backup {
  return readBackup(input).backup;
}

/** parseBackup, also saying which version the file was (a version-1 file comes back upgraded). */
export function readBackup(input: unknown): { backup: Backup; version: 1 | 2 } {
  const parsed = BackupSchema.safeParse(toJson(input));
  if (!parsed.success) {
    const error = toAppError(parsed.error);
    throw new AppError("INVALID", `Not a valid Claimdesk backup: ${error.message}`, { fieldErrors: error.fieldErrors, cause: parsed.error });
  }
  // The schema's row types widen on the columns it does not describe; the database checks those.
  const backup = withEventClaims(parsed.data.version === 1 ? upgradeVersion1(parsed.data) : (parsed.data as Backup));
  const problem = findBrokenReference(backup);
  if (problem) throw new AppError("INVALID", `Not a valid Claimdesk backup: ${problem}`);
  return { backup, version: parsed.data.version };
}

function toJson(input: unknown): unknown {
  if (typeof input !== "string") return input;
  try {
    return JSON.parse(input.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new AppError("BAD_INPUT", `This file is not JSON: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * Version 1 kept no anchors: each claim gets one on the revision it sits on, where its span is
 * (written when that revision was imported).
 */
export function upgradeVersion1(b: BackupV1): Backup {
  const importedAt = new Map(b.revisions.map((r) => [r.id, r.importedAt]));
  const claimAnchors = b.claims.map((c) => ({
    id: `v1-${c.id}`,
    claimId: c.id,
    revisionId: c.revisionId,
    status: c.anchorStatus === "changed" ? "changed" : "exact",
    sourceStart: c.sourceStart,
    sourceEnd: c.sourceEnd,
    text: c.text,
    createdAt: importedAt.get(c.revisionId) ?? c.createdAt,
  }));
  // Files from before re-anchoring lack the claims' anchor columns: the values every claim had then.
  const claims = b.claims.map((c) => ({ anchorStatus: "exact", previousText: null, previousRevisionId: null, stateBeforeOrphan: null, ...c }));
  return { ...(b as unknown as Omit<Backup, "version" | "claimAnchors">), version: 2, claims: claims as Backup["claims"], claimAnchors };
}

/**
 * Files from before AuditEvent.claimId lack it: each event gets the claim claimIdOfEvent tells from
 * its entity and snapshots (as the migration did for the events stored then), so a restored claim's
 * history, read by that column, is whole. A file that has the column is taken as it says.
 */
export function withEventClaims(b: Backup): Backup {
  // As parsed: the schema lets the column be absent.
  const events = b.auditEvents as (Omit<Backup["auditEvents"][number], "claimId"> & { claimId?: string | null })[];
  if (events.every((e) => e.claimId !== undefined)) return b;
  const auditEvents = events.map((e) => ({
    ...e,
    claimId: e.claimId !== undefined ? e.claimId : claimIdOfEvent({ entityType: e.entityType, entityId: e.entityId, before: parseJsonObject(e.before), after: parseJsonObject(e.after) }),
  }));
  return { ...b, auditEvents };
}

function findBrokenReference(b: Backup): string | null {
  const duplicates = (name: string, ids: string[]) => (new Set(ids).size === ids.length ? null : `${name} holds the same id twice`);
  const users = new Set(b.users.map((u) => u.id));
  const revisions = new Set(b.revisions.map((r) => r.id));
  const claims = new Set(b.claims.map((c) => c.id));
  const sources = new Set(b.sources.map((s) => s.id));
  const reviewClaim = new Map(b.reviews.map((r) => [r.id, r.claimId]));
  const user = (where: string, id: string | null) => (id === null || users.has(id) ? null : `${where} names a user (${id}) missing from "users"`);
  const checks: (string | null)[] = [
    duplicates("users", b.users.map((u) => u.id)),
    new Set(b.users.map((u) => u.email.toLowerCase())).size === b.users.length ? null : "users holds the same email twice",
    duplicates("revisions", b.revisions.map((r) => r.id)),
    new Set(b.revisions.map((r) => r.number)).size === b.revisions.length ? null : "revisions holds the same number twice",
    duplicates("claims", b.claims.map((c) => c.id)),
    duplicates("claimAnchors", b.claimAnchors.map((a) => a.id)),
    new Set(b.claimAnchors.map((a) => `${a.claimId} ${a.revisionId}`)).size === b.claimAnchors.length ? null : "claimAnchors holds two anchors of one claim in one revision",
    duplicates("reviews", b.reviews.map((r) => r.id)),
    new Set(b.reviews.map((r) => `${r.claimId} ${r.reviewerId}`)).size === b.reviews.length ? null : "reviews holds two reviews of one claim by one reviewer",
    duplicates("citations", b.citations.map((c) => c.id)),
    duplicates("sources", b.sources.map((s) => s.id)),
    new Set(b.sources.map((s) => s.normalizedUrl)).size === b.sources.length ? null : "sources holds the same normalised URL twice",
    duplicates("auditEvents", b.auditEvents.map((e) => e.id)),
  ];
  b.revisions.forEach((r, i) => checks.push(user(`revisions[${i}].importedById`, r.importedById)));
  b.claims.forEach((c, i) => {
    if (!revisions.has(c.revisionId)) checks.push(`claims[${i}].revisionId names a revision missing from "revisions"`);
    if (c.previousRevisionId !== null && !revisions.has(c.previousRevisionId)) checks.push(`claims[${i}].previousRevisionId names a revision missing from "revisions"`);
    if (c.sourceEnd < c.sourceStart) checks.push(`claims[${i}] ends before it starts`);
    if (c.approvedReviewId !== null && reviewClaim.get(c.approvedReviewId) !== c.id) checks.push(`claims[${i}].approvedReviewId is not one of this claim's reviews`);
    checks.push(user(`claims[${i}].assigneeId`, c.assigneeId), user(`claims[${i}].approvedById`, c.approvedById));
  });
  b.claimAnchors.forEach((a, i) => {
    if (!claims.has(a.claimId)) checks.push(`claimAnchors[${i}].claimId names a claim missing from "claims"`);
    if (!revisions.has(a.revisionId)) checks.push(`claimAnchors[${i}].revisionId names a revision missing from "revisions"`);
    if ((a.sourceStart === null) !== (a.sourceEnd === null) || (a.sourceStart !== null && a.sourceEnd! < a.sourceStart)) checks.push(`claimAnchors[${i}] has a broken span`);
  });
  b.reviews.forEach((r, i) => {
    if (!claims.has(r.claimId)) checks.push(`reviews[${i}].claimId names a claim missing from "claims"`);
    checks.push(user(`reviews[${i}].reviewerId`, r.reviewerId));
  });
  b.citations.forEach((c, i) => {
    if (!reviewClaim.has(c.reviewId)) checks.push(`citations[${i}].reviewId names a review missing from "reviews"`);
    if (!sources.has(c.sourceId)) checks.push(`citations[${i}].sourceId names a source missing from "sources"`);
  });
  b.auditEvents.forEach((e, i) => checks.push(user(`auditEvents[${i}].actorId`, e.actorId)));
  return checks.find((c) => c !== null) ?? null;
}

async function write(tx: Tx, b: Backup, options: RestoreOptions): Promise<Omit<RestoreOutcome, "version">> {
  const now = new Date();
  const rights = restorerRights(options.restorer);
  const existing = await tx.article.findUnique({ where: { slug: b.article.slug }, select: { id: true } });
  if (existing && !options.replace) {
    throw new AppError("CONFLICT", `An article with the slug "${b.article.slug}" already exists; nothing was restored. Replace it, or restore into another database.`);
  }
  // Who the file names is settled first: a refusal comes before anything is touched.
  const users = await matchPeople(tx, b, { mayCreateAccounts: rights.mayCreateAccounts, now });
  const replaced = existing ? await describeReplaced(tx, existing.id) : null;
  // The rows cascade from the article; its audit trail (a plain articleId column) stays: see restore-history.ts.
  if (existing) await tx.article.delete({ where: { id: existing.id } });

  const sources = await matchSources(tx, b.sources);
  const userId = (id: string | null) => (id === null ? null : (users.ids.get(id) ?? null));

  // Rows are written as the file has them, every column included (Prisma takes ISO strings for
  // dates); only the references to people and sources are mapped to this database's records.
  const a = b.article;
  await tx.article.create({ data: a });
  await tx.revision.createMany({ data: b.revisions.map((r) => ({ ...r, articleId: a.id, importedById: userId(r.importedById) })) });
  // The approved review does not exist yet when the claims are written: linked after the reviews.
  await tx.claim.createMany({
    data: b.claims.map((c) => ({ ...c, articleId: a.id, approvedReviewId: null, assigneeId: userId(c.assigneeId), approvedById: userId(c.approvedById) })),
  });
  await tx.claimAnchor.createMany({ data: b.claimAnchors });
  await tx.review.createMany({ data: b.reviews.map((r) => ({ ...r, reviewerId: userId(r.reviewerId)! })) });
  await tx.citation.createMany({ data: b.citations.map((c) => ({ ...c, sourceId: sources.ids.get(c.sourceId)! })) });
  await linkApprovedReviews(tx, b.claims);
  if (existing) await keepTrail(tx, { from: existing.id, to: a.id });
  const auditEvents = await importTrail(tx, b, { articleId: a.id, userId, now });

  const outcome = {
    slug: a.slug,
    articleId: a.id,
    replaced: existing !== null,
    revisions: b.revisions.length,
    claims: b.claims.length,
    claimAnchors: b.claimAnchors.length,
    reviews: b.reviews.length,
    citations: b.citations.length,
    auditEvents,
    auditEventsKept: replaced?.auditEventsKept ?? 0,
    usersCreated: users.created,
    usersMatched: users.matched,
    sourcesCreated: sources.created,
    sourcesMatched: b.sources.length - sources.created,
  };
  await recordRestore(tx, { actorId: rights.actorId, articleId: a.id, before: replaced, after: { ...outcome, title: a.title, exportedAt: b.exportedAt } });
  return outcome;
}

/**
 * Sets each approved claim's approvedReviewId, a few hundred claims per statement. Raw SQL (the
 * tagged template, so placeholders suit SQLite and PostgreSQL alike) leaves updatedAt as restored,
 * and one statement per chunk keeps a 2,000-claim restore fast.
 */
async function linkApprovedReviews(tx: Tx, claims: Backup["claims"]): Promise<void> {
  const approved = claims.filter((c) => c.approvedReviewId !== null);
  for (let i = 0; i < approved.length; i += 300) {
    const chunk = approved.slice(i, i + 300);
    const cases = chunk.map((c) => Prisma.sql`WHEN ${c.id} THEN ${c.approvedReviewId}`);
    await tx.$executeRaw`UPDATE "Claim" SET "approvedReviewId" = CASE "id" ${Prisma.join(cases, " ")} END WHERE "id" IN (${Prisma.join(chunk.map((c) => c.id))})`;
  }
}

/** Maps each backup source to this database's source with the same normalised URL, creating the missing ones. */
async function matchSources(tx: Tx, sources: Backup["sources"]): Promise<{ ids: Map<string, string>; created: number }> {
  const ids = new Map<string, string>();
  if (sources.length === 0) return { ids, created: 0 };
  const known = new Map<string, string>();
  const taken = new Set<string>();
  // Chunked so a large article stays under the database's limit on query parameters.
  for (let i = 0; i < sources.length; i += 500) {
    const chunk = sources.slice(i, i + 500);
    for (const s of await tx.source.findMany({ where: { normalizedUrl: { in: chunk.map((c) => c.normalizedUrl) } }, select: { id: true, normalizedUrl: true } })) {
      known.set(s.normalizedUrl, s.id);
    }
    for (const s of await tx.source.findMany({ where: { id: { in: chunk.map((c) => c.id) } }, select: { id: true } })) taken.add(s.id);
  }
  const fresh = sources.filter((s) => !known.has(s.normalizedUrl));
  for (const s of sources) if (known.has(s.normalizedUrl)) ids.set(s.id, known.get(s.normalizedUrl)!);
  const withFreeIds = fresh.filter((s) => !taken.has(s.id));
  await tx.source.createMany({ data: withFreeIds });
  for (const s of withFreeIds) ids.set(s.id, s.id);
  for (const s of fresh.filter((s) => taken.has(s.id))) {
    // Its id belongs to another source here: this one gets a new id.
    const { id: taken, ...columns } = s;
    void taken;
    const created = await tx.source.create({ data: columns, select: { id: true } });
    ids.set(s.id, created.id);
  }
  return { ids, created: fresh.length };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002";
}
