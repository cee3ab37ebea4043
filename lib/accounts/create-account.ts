import "server-only";
import { hashPassword } from "@/lib/auth/password";
import type { Viewer } from "@/lib/auth/policy";
import type { Database } from "@/lib/db/create-database";
import type { Role } from "@/lib/domain/vocabulary";
import { AppError } from "@/lib/errors";
import { recordAccountAudit } from "./account-audit";
import { oneTimePassword } from "./one-time-password";
import { CreateAccountInput } from "./schemas";

export type CreatedAccount = { id: string; email: string; name: string | null; role: Role; password: string };

/**
 * An admin creates an account with a one-time password made here. The returned `password` is the
 * only time anyone sees it: the database keeps its scrypt hash. An address already in use is
 * refused on the email field.
 */
export async function createAccount(db: Database, input: CreateAccountInput & { actor: NonNullable<Viewer> }): Promise<CreatedAccount> {
  const { email, name, role } = CreateAccountInput.parse({ email: input.email, name: input.name, role: input.role });
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  try {
    const user = await db.$transaction(async (tx) => {
      // Checked before the insert for the message; the unique index still decides a race (below).
      if (await tx.user.findUnique({ where: { email }, select: { id: true } })) throw duplicate(email);
      const created = await tx.user.create({ data: { email, name, role, passwordHash }, select: { id: true, email: true, name: true } });
      await recordAccountAudit(tx, { actorId: input.actor.id, action: "user.create", userId: created.id, after: { email, name, role } });
      return created;
    });
    return { ...user, role, password };
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate(email);
    throw error;
  }
}

function duplicate(email: string): AppError {
  const message = `An account with the email ${email} already exists.`;
  return new AppError("CONFLICT", message, { fieldErrors: { email: [message] } });
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002";
}
