import "server-only";
import type { Viewer } from "@/lib/auth/policy";
import type { Database } from "@/lib/db/create-database";
import type { Role } from "@/lib/domain/vocabulary";
import { AppError } from "@/lib/errors";
import { recordAccountAudit } from "./account-audit";
import { assertAnActiveAdminRemains } from "./last-admin";
import { ChangeRoleInput } from "./schemas";

/**
 * An admin gives an account another role. It counts on the account's next request: sessions and
 * API tokens read the role from the user row every time (lib/auth/sessions.ts, api-tokens.ts).
 * Refused when it would leave no active admin.
 */
export async function changeRole(db: Database, input: ChangeRoleInput & { actor: NonNullable<Viewer> }): Promise<{ id: string; email: string; role: Role }> {
  const { userId, role } = ChangeRoleInput.parse({ userId: input.userId, role: input.role });
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, role: true } });
    if (!before) throw new AppError("NOT_FOUND", "There is no such account; reload the page.");
    if (before.role === role) return { id: before.id, email: before.email, role };
    await tx.user.update({ where: { id: userId }, data: { role }, select: { id: true } });
    if (before.role === "admin") await assertAnActiveAdminRemains(tx, { actorId: input.actor.id, userId, what: "demote" });
    await recordAccountAudit(tx, { actorId: input.actor.id, action: "user.role", userId, before: { role: before.role }, after: { role } });
    return { id: before.id, email: before.email, role };
  });
}
