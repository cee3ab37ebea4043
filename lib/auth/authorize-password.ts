import "server-only";
import { Role } from "@/lib/domain/vocabulary";
import type { Database } from "@/lib/db/create-database";
import { clientAddress } from "./client-address";
import { SignInInput } from "./sign-in-input";
import { claimSignInAttempt, recordSignInOutcome } from "./sign-in-limits";
import { verifyPassword } from "./password";

/** What a successful password sign-in hands to Auth.js. */
export type PasswordUser = { id: string; email: string; name: string | null; role: Role };

/**
 * The Credentials provider's whole decision: parse, claim one check within the limits, check the
 * password, record the outcome. Returns the user, null for a wrong email or password or a disabled
 * account, or "rate_limited". The check is claimed before the password is read, so attempts sent
 * at once cannot all be checked (lib/auth/sign-in-limits.ts).
 */
export async function authorizePassword(db: Database, raw: unknown, request: Request | undefined): Promise<PasswordUser | null | "rate_limited"> {
  const parsed = SignInInput.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const claim = await claimSignInAttempt(db, { email, address: clientAddress(request?.headers) });
  if (claim === "rate_limited") return claim;
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, passwordHash: true, disabledAt: true },
  });
  const ok = user?.passwordHash ? await verifyPassword(password, user.passwordHash) : false;
  // A disabled account is refused like a wrong password, and its check still counts as a failure.
  const signedIn = ok && user !== null && user.disabledAt === null;
  await recordSignInOutcome(db, claim.attemptId, signedIn);
  if (!signedIn) return null;
  return { id: user.id, email: user.email, name: user.name, role: Role.parse(user.role) };
}
