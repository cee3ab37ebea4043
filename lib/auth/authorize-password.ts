import "server-only";
import { Role } from "@/lib/domain/vocabulary";
import type { Database } from "@/lib/db/create-database";
import { SignInInput } from "./sign-in-input";
import { checkSignInAllowed, recordSignInAttempt } from "./sign-in-limits";
import { verifyPassword } from "./password";

/** What a successful password sign-in hands to Auth.js. */
export type PasswordUser = { id: string; email: string; name: string | null; role: Role };

/**
 * The Credentials provider's whole decision: parse, rate-limit, check the password, record the
 * attempt. Returns the user, null for a wrong email or password, or "rate_limited".
 */
export async function authorizePassword(db: Database, raw: unknown, request: Request | undefined): Promise<PasswordUser | null | "rate_limited"> {
  const parsed = SignInInput.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const address = clientAddress(request);
  if (!(await checkSignInAllowed(db, { email, address }))) return "rate_limited";
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, passwordHash: true },
  });
  const ok = user?.passwordHash ? await verifyPassword(password, user.passwordHash) : false;
  await recordSignInAttempt(db, { email, address, succeeded: ok });
  if (!user || !ok) return null;
  return { id: user.id, email: user.email, name: user.name, role: Role.parse(user.role) };
}

function clientAddress(request: Request | undefined): string {
  const forwarded = request?.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || request?.headers.get("x-real-ip") || "unknown";
}
