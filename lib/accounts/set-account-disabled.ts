import "server-only";
import type { Viewer } from "@/lib/auth/policy";
import type { Database } from "@/lib/db/create-database";
import { AppError } from "@/lib/errors";
import { recordAccountAudit } from "./account-audit";
import { assertAnActiveAdminRemains } from "./last-admin";
import { SetAccountDisabledInput } from "./schemas";

export type DisabledChange = { id: string; email: string; disabledAt: Date | null; sessionsEnded: number; tokensRevoked: number };

/**
 * An admin disables an account, or enables it again. Disabling ends it at once: its Session rows
 * are deleted (every browser it is signed in on reads as signed out on the next request), and its
 * API tokens are revoked, so enabling the account later brings back neither a session nor a token
 * that may have leaked. Refused when it would leave no active admin.
 */
export async function setAccountDisabled(db: Database, input: SetAccountDisabledInput & { actor: NonNullable<Viewer> }): Promise<DisabledChange> {
  const { userId, disabled } = SetAccountDisabledInput.parse({ userId: input.userId, disabled: input.disabled });
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, role: true, disabledAt: true } });
    if (!before) throw new AppError("NOT_FOUND", "There is no such account; reload the page.");
    const unchanged = (before.disabledAt !== null) === disabled;
    if (unchanged) return { id: before.id, email: before.email, disabledAt: before.disabledAt, sessionsEnded: 0, tokensRevoked: 0 };
    if (!disabled) {
      await tx.user.update({ where: { id: userId }, data: { disabledAt: null }, select: { id: true } });
      await recordAccountAudit(tx, { actorId: input.actor.id, action: "user.enable", userId, before: { disabledAt: before.disabledAt }, after: { disabledAt: null } });
      return { id: before.id, email: before.email, disabledAt: null, sessionsEnded: 0, tokensRevoked: 0 };
    }
    const now = new Date();
    await tx.user.update({ where: { id: userId }, data: { disabledAt: now }, select: { id: true } });
    if (before.role === "admin") await assertAnActiveAdminRemains(tx, { actorId: input.actor.id, userId, what: "disable" });
    const sessions = await tx.session.deleteMany({ where: { userId } });
    const tokens = await tx.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
    await recordAccountAudit(tx, {
      actorId: input.actor.id,
      action: "user.disable",
      userId,
      before: { disabledAt: null },
      after: { disabledAt: now.toISOString(), sessionsEnded: sessions.count, tokensRevoked: tokens.count },
    });
    return { id: before.id, email: before.email, disabledAt: now, sessionsEnded: sessions.count, tokensRevoked: tokens.count };
  });
}
