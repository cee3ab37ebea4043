import "server-only";
import type { Database } from "@/lib/db/create-database";
import { engineOfDatabase } from "@/lib/db/database-engine";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * How many password checks are allowed within the window. Each counts an attempt from the moment it
 * is claimed (before the password is checked) until it succeeds.
 */
export const SIGN_IN_LIMITS = {
  // Failed checks of one account, from anywhere: binds a guesser spread over many addresses.
  // Counted from the account's last success, so its owner is not punished for old typos.
  perAccount: 5,
  // Failed checks of one account from one address, counted from that address's last success for
  // the account (not anyone's): someone else's success cannot reset a guesser's count.
  perAccountFromAddress: 5,
  // Distinct accounts that failed from one address. Once reached, the address may go on trying the
  // accounts it already tried (each up to the limits above) but no new one: that stops a spray
  // over many accounts without locking out everyone behind a shared NAT. People in an office mistype
  // rarely enough that 10 different accounts in 15 minutes is not them.
  accountsPerAddress: 10,
  windowMinutes: 15,
} as const;

/** Accounts that signed in from an address within this time are never refused as "new" there. */
const KNOWN_FOR_MS = 24 * 60 * 60_000;

export type SignInClaim = { attemptId: string } | "rate_limited";

/**
 * Claims one password check for this account from this address, or refuses. The claim is written
 * first, as a failure, and the counts are taken after it in the same write transaction: SQLite runs
 * one write transaction at a time (across processes too: the insert takes the file's write lock,
 * waiting up to the busy timeout), so concurrent attempts each see all earlier claims and a burst
 * cannot outrun the limit. A refused claim is deleted again rather than rolled back: the adapter
 * shares one connection, and a rollback could take another request's write with it.
 *
 * On PostgreSQL the insert makes nobody wait, and under READ COMMITTED each attempt's counts
 * would miss the claims of attempts still in flight: a burst of 40 got 11 checks through where 5
 * are allowed. So there the transaction first takes an advisory lock on the account and one on the
 * address (`lockAttemptsOf`): attempts on the same account or from the same address run one after
 * another, each seeing every earlier claim committed, as on SQLite.
 */
export async function claimSignInAttempt(db: Database, { email, address }: { email: string; address: string }): Promise<SignInClaim> {
  const now = Date.now();
  const windowStart = new Date(now - SIGN_IN_LIMITS.windowMinutes * 60_000);
  const onPostgres = engineOfDatabase(db) === "postgresql";
  return db.$transaction(
    async (tx) => {
      if (onPostgres) await lockAttemptsOf(tx, { email, address });
      const { id } = await tx.signInAttempt.create({ data: { email, address, succeeded: false }, select: { id: true } });
      const lastSuccess = (where: { email: string; address?: string }) =>
        tx.signInAttempt.findFirst({ where: { ...where, succeeded: true, createdAt: { gte: windowStart } }, orderBy: { createdAt: "desc" }, select: { createdAt: true } });
      const [accountSuccess, pairSuccess] = await Promise.all([lastSuccess({ email }), lastSuccess({ email, address })]);
      const accountFailures = await tx.signInAttempt.count({ where: { email, succeeded: false, createdAt: { gte: accountSuccess?.createdAt ?? windowStart } } });
      const pairFailures = await tx.signInAttempt.count({ where: { email, address, succeeded: false, createdAt: { gte: pairSuccess?.createdAt ?? windowStart } } });
      // Counts include this claim, hence ">".
      let refused = accountFailures > SIGN_IN_LIMITS.perAccount || pairFailures > SIGN_IN_LIMITS.perAccountFromAddress;
      if (!refused) {
        const knownHere = await tx.signInAttempt.findFirst({ where: { email, address, succeeded: true, createdAt: { gte: new Date(now - KNOWN_FOR_MS) } }, select: { id: true } });
        if (!knownHere) {
          const failingAccounts = await tx.signInAttempt.findMany({
            where: { address, succeeded: false, createdAt: { gte: windowStart } },
            distinct: ["email"],
            select: { email: true },
            take: SIGN_IN_LIMITS.accountsPerAddress + 1,
          });
          refused = failingAccounts.length > SIGN_IN_LIMITS.accountsPerAddress;
        }
      }
      if (refused) {
        await tx.signInAttempt.delete({ where: { id }, select: { id: true } });
        return "rate_limited" as const;
      }
      return { attemptId: id };
    },
    // 40 attempts at once queue for the one connection; the default 2 s wait is too short on a busy machine.
    { maxWait: 15_000, timeout: 15_000 },
  );
}

/** The advisory-lock namespaces (the first of the two keys): an email's hash never meets an address's. */
const LOCK_ACCOUNT = 1;
const LOCK_ADDRESS = 2;

/**
 * Takes PostgreSQL's transaction-scoped advisory locks on this account's and this address's
 * attempts, released at commit or rollback. Always the account first, then the address, so two
 * attempts never wait on each other crosswise. A hash collision only makes two unrelated attempts
 * queue, never lets one through.
 */
async function lockAttemptsOf(tx: Prisma.TransactionClient, { email, address }: { email: string; address: string }): Promise<void> {
  await tx.$executeRaw(Prisma.sql`SELECT pg_advisory_xact_lock(${LOCK_ACCOUNT}::int4, hashtext(${email}::text))`);
  await tx.$executeRaw(Prisma.sql`SELECT pg_advisory_xact_lock(${LOCK_ADDRESS}::int4, hashtext(${address}::text))`);
}

/**
 * Records how a claimed check ended (a claim already counts as a failure, so only a success is
 * written), and drops attempts older than a day so the table stays small.
 */
export async function recordSignInOutcome(db: Database, attemptId: string, succeeded: boolean): Promise<void> {
  if (succeeded) await db.signInAttempt.update({ where: { id: attemptId }, data: { succeeded: true }, select: { id: true } });
  await db.signInAttempt.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - KNOWN_FOR_MS) } } });
}
