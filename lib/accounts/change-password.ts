import "server-only";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { Viewer } from "@/lib/auth/policy";
import { claimSignInAttempt, SIGN_IN_LIMITS } from "@/lib/auth/sign-in-limits";
import type { Database } from "@/lib/db/create-database";
import { AppError } from "@/lib/errors";
import { recordAccountAudit } from "./account-audit";
import { ChangePasswordInput } from "./schemas";

/**
 * A signed-in user changes their password, proving the current one. Every other session of theirs
 * ends (a browser left signed in elsewhere, or someone who knew the old password); `keepSession`,
 * the token of the session making the change, stays. Each check of the current password counts
 * against the same limits as a sign-in, so a borrowed session cannot be used to guess it.
 */
export async function changePassword(
  db: Database,
  input: ChangePasswordInput & { viewer: NonNullable<Viewer>; keepSession: string | undefined; address: string },
): Promise<{ sessionsEnded: number }> {
  const { currentPassword, newPassword } = ChangePasswordInput.parse(input);
  const { viewer } = input;
  const claim = await claimSignInAttempt(db, { email: viewer.email, address: input.address });
  if (claim === "rate_limited") throw new AppError("RATE_LIMITED", `Too many wrong passwords for this account. Wait ${SIGN_IN_LIMITS.windowMinutes} minutes, then try again.`);
  const stored = await db.user.findUniqueOrThrow({ where: { id: viewer.id }, select: { passwordHash: true } });
  if (!stored.passwordHash) {
    await db.signInAttempt.delete({ where: { id: claim.attemptId }, select: { id: true } });
    throw new AppError("CONFLICT", "This account has no password (it signs in through GitHub or Google); an admin can give it one.");
  }
  if (!(await verifyPassword(currentPassword, stored.passwordHash))) {
    // The claim stays as a failed attempt.
    const message = "That is not your current password.";
    throw new AppError("INVALID", message, { fieldErrors: { currentPassword: [message] } });
  }
  // Right: not a sign-in, so the claim goes rather than turning into a success that resets the count.
  await db.signInAttempt.delete({ where: { id: claim.attemptId }, select: { id: true } });
  const passwordHash = await hashPassword(newPassword);
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: viewer.id }, data: { passwordHash }, select: { id: true } });
    const ended = await tx.session.deleteMany({ where: { userId: viewer.id, ...(input.keepSession ? { sessionToken: { not: input.keepSession } } : {}) } });
    await recordAccountAudit(tx, { actorId: viewer.id, action: "user.password", userId: viewer.id, after: { sessionsEnded: ended.count } });
    return { sessionsEnded: ended.count };
  });
}
