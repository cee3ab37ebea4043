import type { Database } from "@/lib/db/create-database";
import { AppError, toAppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { BackupSchema, type Backup } from "./backup";

type Tx = Parameters<Parameters<Database["$transaction"]>[0]>[0];

export type RestoreOptions = {
  /** Delete an article with the same slug (and its audit trail) first, instead of refusing. */
  replace?: boolean;
};

export type RestoreOutcome = {
  slug: string;
  articleId: string;
  replaced: boolean;
  revisions: number;
  claims: number;
  reviews: number;
  citations: number;
  auditEvents: number;
  usersCreated: number;
  usersMatched: number;
  sourcesCreated: number;
  sourcesMatched: number;
};

/**
 * Restores a backup.json into a database: the article with the same ids and timestamps, its
 * revisions, claims, reviews, citations and audit trail. People are matched by email (a missing one
 * is created without a password, so they cannot sign in until an admin sets one); sources are
 * matched by normalised URL. Everything is written in one transaction: a refused or failed restore
 * writes nothing.
 *
 * `input` is the file's text or its parsed JSON. Throws AppError: INVALID for a malformed backup
 * (the first problem, with its path), CONFLICT when the slug or any record already exists.
 */
export async function restoreBackup(db: Database, input: unknown, options: RestoreOptions = {}): Promise<RestoreOutcome> {
  const backup = parseBackup(input);
  try {
    return await db.$transaction((tx) => write(tx, backup, options), { timeout: 120_000, maxWait: 10_000 });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError(
        "CONFLICT",
        "This database already holds records with the backup's ids (another copy of this article?); nothing was restored. Restore into an empty or different database, or replace the article.",
        { cause: error },
      );
    }
    throw toAppError(error);
  }
}

/** Validates a backup: the schema, then that every reference points at a record in the same file. */
export function parseBackup(input: unknown): Backup {
  let value = input;
  if (typeof input === "string") {
    try {
      value = JSON.parse(input.replace(/^\uFEFF/, ""));
    } catch (error) {
      throw new AppError("BAD_INPUT", `This file is not JSON: ${(error as Error).message}`, { cause: error });
    }
  }
  const parsed = BackupSchema.safeParse(value);
  if (!parsed.success) {
    const error = toAppError(parsed.error);
    throw new AppError("INVALID", `Not a valid Claimdesk backup: ${error.message}`, { fieldErrors: error.fieldErrors, cause: parsed.error });
  }
  const problem = findBrokenReference(parsed.data);
  if (problem) throw new AppError("INVALID", `Not a valid Claimdesk backup: ${problem}`);
  return parsed.data;
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
    if (c.sourceEnd < c.sourceStart) checks.push(`claims[${i}] ends before it starts`);
    if (c.approvedReviewId !== null && reviewClaim.get(c.approvedReviewId) !== c.id) checks.push(`claims[${i}].approvedReviewId is not one of this claim's reviews`);
    checks.push(user(`claims[${i}].assigneeId`, c.assigneeId), user(`claims[${i}].approvedById`, c.approvedById));
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

const date = (iso: string) => new Date(iso);
const dateOrNull = (iso: string | null) => (iso === null ? null : new Date(iso));

async function write(tx: Tx, b: Backup, options: RestoreOptions): Promise<RestoreOutcome> {
  const existing = await tx.article.findUnique({ where: { slug: b.article.slug }, select: { id: true } });
  if (existing && !options.replace) {
    throw new AppError("CONFLICT", `An article with the slug "${b.article.slug}" already exists; nothing was restored. Replace it, or restore into another database.`);
  }
  if (existing) {
    // AuditEvent.articleId is a plain column, so the old trail goes explicitly; the rest cascades.
    await tx.auditEvent.deleteMany({ where: { articleId: existing.id } });
    await tx.article.delete({ where: { id: existing.id } });
  }

  const users = await matchUsers(tx, b.users);
  const sources = await matchSources(tx, b.sources);
  const userId = (id: string | null) => (id === null ? null : (users.ids.get(id) ?? null));

  const a = b.article;
  await tx.article.create({
    data: { ...a, publishedAt: dateOrNull(a.publishedAt), createdAt: date(a.createdAt), updatedAt: date(a.updatedAt) },
  });
  await tx.revision.createMany({
    data: b.revisions.map((r) => ({ ...r, articleId: a.id, importedAt: date(r.importedAt), importedById: userId(r.importedById) })),
  });
  // The approved review does not exist yet when the claims are written: linked after the reviews.
  await tx.claim.createMany({
    data: b.claims.map((c) => ({
      ...c,
      articleId: a.id,
      approvedReviewId: null,
      assigneeId: userId(c.assigneeId),
      approvedById: userId(c.approvedById),
      approvedAt: dateOrNull(c.approvedAt),
      createdAt: date(c.createdAt),
      updatedAt: date(c.updatedAt),
    })),
  });
  await tx.review.createMany({
    data: b.reviews.map((r) => ({ ...r, reviewerId: userId(r.reviewerId)!, createdAt: date(r.createdAt), updatedAt: date(r.updatedAt) })),
  });
  await tx.citation.createMany({
    data: b.citations.map((c) => ({ ...c, sourceId: sources.ids.get(c.sourceId)!, createdAt: date(c.createdAt), updatedAt: date(c.updatedAt) })),
  });
  await linkApprovedReviews(tx, b.claims);
  await tx.auditEvent.createMany({
    data: b.auditEvents.map((e) => ({ ...e, articleId: a.id, actorId: userId(e.actorId), createdAt: date(e.createdAt) })),
  });

  return {
    slug: a.slug,
    articleId: a.id,
    replaced: existing !== null,
    revisions: b.revisions.length,
    claims: b.claims.length,
    reviews: b.reviews.length,
    citations: b.citations.length,
    auditEvents: b.auditEvents.length,
    usersCreated: users.created,
    usersMatched: b.users.length - users.created,
    sourcesCreated: sources.created,
    sourcesMatched: b.sources.length - sources.created,
  };
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

/**
 * Maps each backup user to a user of this database by email, creating the missing ones (with the
 * backup's id when it is free) without a password.
 */
async function matchUsers(tx: Tx, people: Backup["users"]): Promise<{ ids: Map<string, string>; created: number }> {
  const ids = new Map<string, string>();
  if (people.length === 0) return { ids, created: 0 };
  const known = await tx.user.findMany({ where: { email: { in: people.map((p) => p.email) } }, select: { id: true, email: true } });
  const byEmail = new Map(known.map((u) => [u.email, u.id]));
  const taken = new Set((await tx.user.findMany({ where: { id: { in: people.map((p) => p.id) } }, select: { id: true } })).map((u) => u.id));
  let created = 0;
  for (const person of people) {
    const match = byEmail.get(person.email);
    if (match) {
      ids.set(person.id, match);
      continue;
    }
    const user = await tx.user.create({
      data: { ...(taken.has(person.id) ? {} : { id: person.id }), email: person.email, name: person.name, role: person.role },
      select: { id: true },
    });
    ids.set(person.id, user.id);
    created++;
  }
  return { ids, created };
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
  await tx.source.createMany({ data: withFreeIds.map((s) => ({ ...s, createdAt: date(s.createdAt) })) });
  for (const s of withFreeIds) ids.set(s.id, s.id);
  for (const s of fresh.filter((s) => taken.has(s.id))) {
    // Its id belongs to another source here: this one gets a new id.
    const { url, normalizedUrl, title, publisher, publishedOn } = s;
    const created = await tx.source.create({ data: { url, normalizedUrl, title, publisher, publishedOn, createdAt: date(s.createdAt) }, select: { id: true } });
    ids.set(s.id, created.id);
  }
  return { ids, created: fresh.length };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002";
}
