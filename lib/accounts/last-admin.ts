import "server-only";
import { AppError } from "@/lib/errors";
import type { Tx } from "@/lib/review/record-audit";

/**
 * Refuses a change that leaves no active admin, with nobody left who could undo it. Called inside
 * the change's transaction after its write: SQLite lets one write transaction run at a time, so the
 * count sees every other demotion or disabling, and two admins demoting each other at once cannot
 * both pass. The throw rolls the write back.
 */
export async function assertAnActiveAdminRemains(tx: Tx, change: { actorId: string; userId: string; what: "demote" | "disable" }): Promise<void> {
  const admins = await tx.user.count({ where: { role: "admin", disabledAt: null } });
  if (admins > 0) return;
  const verb = change.what === "demote" ? "give yourself another role" : "disable your own account";
  throw new AppError(
    "CONFLICT",
    change.actorId === change.userId
      ? `You are the last active admin: make another account an admin before you ${verb}.`
      : `This is the last active admin account: make another account an admin first.`,
  );
}
