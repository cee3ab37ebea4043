import type { Database } from "@/lib/db/create-database";

/** Failed attempts allowed per account, and per network address, within the window. */
export const SIGN_IN_LIMITS = { perAccount: 5, perAddress: 20, windowMinutes: 15 } as const;

/**
 * Whether another sign-in may be tried for this account from this address. Failures count from the
 * later of the window's start and the account's last success, so a person who signs in is not
 * punished for old typos; the attempts live in the database so every app server sees them.
 */
export async function checkSignInAllowed(db: Database, { email, address }: { email: string; address: string }): Promise<boolean> {
  const since = new Date(Date.now() - SIGN_IN_LIMITS.windowMinutes * 60_000);
  const lastSuccess = await db.signInAttempt.findFirst({
    where: { email, succeeded: true, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const accountFailures = await db.signInAttempt.count({
    where: { email, succeeded: false, createdAt: { gte: lastSuccess?.createdAt ?? since } },
  });
  if (accountFailures >= SIGN_IN_LIMITS.perAccount) return false;
  const addressFailures = await db.signInAttempt.count({ where: { address, succeeded: false, createdAt: { gte: since } } });
  return addressFailures < SIGN_IN_LIMITS.perAddress;
}

/** Records an attempt, and drops attempts older than a day so the table stays small. */
export async function recordSignInAttempt(db: Database, attempt: { email: string; address: string; succeeded: boolean }): Promise<void> {
  await db.signInAttempt.create({ data: attempt, select: { id: true } });
  await db.signInAttempt.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - 24 * 60 * 60_000) } } });
}
