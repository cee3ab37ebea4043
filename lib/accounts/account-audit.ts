import "server-only";
import type { Tx } from "@/lib/review/record-audit";

/** What happened to an account; "<entity>.<verb>" like every other AuditEvent action. */
export type AccountAction = "user.create" | "user.role" | "user.disable" | "user.enable" | "user.rename" | "user.password" | "user.password_reset";

/**
 * Writes the AuditEvent of a change to an account (entityType "user", no article), in the change's
 * own transaction. Snapshots hold only what an admin may read back: never a password or its hash.
 */
export async function recordAccountAudit(
  tx: Tx,
  event: { actorId: string; action: AccountAction; userId: string; before?: Record<string, unknown> | null; after?: Record<string, unknown> | null },
): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: event.actorId,
      action: event.action,
      entityType: "user",
      entityId: event.userId,
      before: event.before ? JSON.stringify(event.before) : null,
      after: event.after ? JSON.stringify(event.after) : null,
    },
    select: { id: true },
  });
}
