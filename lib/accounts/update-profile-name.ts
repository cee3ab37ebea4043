import "server-only";
import type { Viewer } from "@/lib/auth/policy";
import type { Database } from "@/lib/db/create-database";
import { recordAccountAudit } from "./account-audit";
import { UpdateProfileNameInput } from "./schemas";

/** A signed-in user renames themself; the header and every page read the new name on the next request. */
export async function updateProfileName(db: Database, input: UpdateProfileNameInput & { viewer: NonNullable<Viewer> }): Promise<{ name: string }> {
  const { name } = UpdateProfileNameInput.parse({ name: input.name });
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: input.viewer.id }, select: { name: true } });
    if (before.name === name) return { name };
    await tx.user.update({ where: { id: input.viewer.id }, data: { name }, select: { id: true } });
    await recordAccountAudit(tx, { actorId: input.viewer.id, action: "user.rename", userId: input.viewer.id, before: { name: before.name }, after: { name } });
    return { name };
  });
}
