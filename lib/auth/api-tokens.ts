import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Database } from "@/lib/db/create-database";
import { CreateApiTokenInput, RevokeApiTokenInput } from "@/lib/desk/schemas";
import { Role } from "@/lib/domain/vocabulary";
import { AppError } from "@/lib/errors";
import type { Viewer } from "./policy";

/**
 * Personal API tokens: `cd_` and 32 random bytes (base64url), shown once when created. Only the
 * SHA-256 of the token is stored, so a copy of the database cannot be used to call the API; a
 * 256-bit random secret needs no slow hash. A token acts with its owner's current role.
 */

export const TOKEN_PREFIX = "cd_";

export type ApiTokenListing = { id: string; name: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };

type SignedIn = NonNullable<Viewer>;

/** The stored form of a token. */
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Creates a token for the viewer; the returned `token` is the only time it is ever seen. */
export async function createApiToken(db: Database, input: CreateApiTokenInput & { viewer: SignedIn }): Promise<ApiTokenListing & { token: string }> {
  const { name } = CreateApiTokenInput.parse({ name: input.name });
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const row = await db.apiToken.create({
    data: { userId: input.viewer.id, name, tokenHash: hashApiToken(token) },
    select: { id: true, name: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
  return { ...row, token };
}

/** The viewer's tokens, newest first, revoked ones included (so their history stays visible). */
export async function listApiTokens(db: Database, input: { viewer: SignedIn }): Promise<ApiTokenListing[]> {
  return db.apiToken.findMany({
    where: { userId: input.viewer.id },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}

/** Revokes one of the viewer's own tokens; revoking twice keeps the first time. */
export async function revokeApiToken(db: Database, input: { tokenId: string; viewer: SignedIn }): Promise<ApiTokenListing> {
  const { tokenId } = RevokeApiTokenInput.parse({ tokenId: input.tokenId });
  const token = await db.apiToken.findUnique({ where: { id: tokenId }, select: { id: true, userId: true, revokedAt: true } });
  // Someone else's token is reported as missing: its existence is none of the viewer's business.
  if (!token || token.userId !== input.viewer.id) throw new AppError("NOT_FOUND", "There is no such token among yours; reload the page.");
  return db.apiToken.update({
    where: { id: token.id },
    data: { revokedAt: token.revokedAt ?? new Date() },
    select: { id: true, name: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}

/** lastUsedAt is written at most this often per token, so a busy client does not write on every call. */
const LAST_USED_GRANULARITY_MS = 60_000;

/**
 * The viewer a Bearer token stands for, or null when it is malformed, unknown, revoked or its owner
 * is disabled. Records when the token was last used.
 */
export async function resolveApiToken(db: Database, token: string, now: Date = new Date()): Promise<Viewer> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(token) },
    select: { id: true, revokedAt: true, lastUsedAt: true, user: { select: { id: true, email: true, name: true, role: true, disabledAt: true } } },
  });
  // A disabled account's tokens stop with its sessions (issue 11): the owner's state is read on every use.
  if (!row || row.revokedAt || row.user.disabledAt) return null;
  const role = Role.safeParse(row.user.role);
  if (!role.success) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_GRANULARITY_MS) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now }, select: { id: true } });
  }
  return { id: row.user.id, email: row.user.email, name: row.user.name, role: role.data };
}

/**
 * The Bearer token of an Authorization header: undefined when the header does not use the Bearer
 * scheme (the session decides), the token (possibly "") when it does.
 */
export function bearerTokenOf(authorization: string | null): string | undefined {
  if (!authorization) return undefined;
  const match = /^\s*Bearer(?:\s+(.*))?$/i.exec(authorization);
  return match ? (match[1] ?? "").trim() : undefined;
}
