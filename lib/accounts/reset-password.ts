import "server-only";
import { hashPassword } from "@/lib/auth/password";
import type { Viewer } from "@/lib/auth/policy";
import type { Database } from "@/lib/db/create-database";
import { AppError } from "@/lib/errors";
import { recordAccountAudit } from "./account-audit";
import { oneTimePassword } from "./one-time-password";
import { ResetPasswordInput } from "./schemas";

/**
 * An admin gives an account a new one-time password (someone forgot theirs, or a backup restore
 * created the account without one). The account's sessions end, since whoever held the old
 * password may be signed in with it; the new password is returned once and stored as its hash.
 */
export async function resetPassword(db: Database, input: ResetPasswordInput & { actor: NonNullable<Viewer> }): Promise<{ id: string; email: string; password: string }> {
  const { userId } = ResetPasswordInput.parse({ userId: input.userId });
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true } });
    if (!user) throw new AppError("NOT_FOUND", "There is no such account; reload the page.");
    await tx.user.update({ where: { id: userId }, data: { passwordHash }, select: { id: true } });
    const sessions = await tx.session.deleteMany({ where: { userId } });
    await recordAccountAudit(tx, { actorId: input.actor.id, action: "user.password_reset", userId, after: { sessionsEnded: sessions.count } });
    return { ...user, password };
  });
}
