import "server-only";
import type { Database } from "@/lib/db/create-database";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/sessions";
import { Role } from "@/lib/domain/vocabulary";

/** One row of the admin's account list: plain data, no secret column. */
export type AccountListing = {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  disabledAt: Date | null;
  createdAt: Date;
  /**
   * The last sign-in within the past day, or null. There is no column for it: it is read from what
   * the sign-in limits keep (a day of password sign-ins) and from open sessions (12 hours).
   */
  lastSignInAt: Date | null;
  /** False for an account a backup restore created, or one that signs in only through OAuth. */
  hasPassword: boolean;
};

/** Every account, admins first, then by email, with its last sign-in of the past day. */
export async function listAccounts(db: Database): Promise<AccountListing[]> {
  const [users, withoutPassword, signIns, sessions] = await Promise.all([
    db.user.findMany({ orderBy: [{ email: "asc" }], select: { id: true, email: true, name: true, role: true, disabledAt: true, createdAt: true } }),
    db.user.findMany({ where: { passwordHash: null }, select: { id: true } }),
    // Kept a day by lib/auth/sign-in-limits.ts; older sign-ins read as "not in the last day".
    db.signInAttempt.groupBy({ by: ["email"], where: { succeeded: true }, _max: { createdAt: true } }),
    // A session opens at sign-in and lasts SESSION_MAX_AGE_SECONDS; this also sees GitHub/Google sign-ins.
    db.session.groupBy({ by: ["userId"], _max: { expires: true } }),
  ]);
  const noPassword = new Set(withoutPassword.map((u) => u.id));
  const byPassword = new Map(signIns.map((s) => [s.email, s._max.createdAt]));
  const bySession = new Map(sessions.map((s) => [s.userId, s._max.expires ? new Date(s._max.expires.getTime() - SESSION_MAX_AGE_SECONDS * 1000) : null]));
  const latest = (...dates: Array<Date | null | undefined>) => dates.reduce<Date | null>((a, d) => (d && (!a || d > a) ? d : a), null);
  const rank = (role: Role) => Role.options.indexOf(role);
  return users
    .map((u) => ({ ...u, role: Role.catch("reviewer").parse(u.role), lastSignInAt: latest(byPassword.get(u.email), bySession.get(u.id)), hasPassword: !noPassword.has(u.id) }))
    .sort((a, b) => rank(b.role) - rank(a.role) || a.email.localeCompare(b.email));
}
