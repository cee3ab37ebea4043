"use server";

import { createApiToken, revokeApiToken } from "@/lib/auth/api-tokens";
import { guardedAction } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { CreateApiTokenInput, RevokeApiTokenInput } from "@/lib/desk/schemas";

// Thin: the policy check, the operation's schema and one verb. Dates travel as ISO strings.
export const createApiTokenAction = guardedAction("token.manage", CreateApiTokenInput, async (input, viewer) => {
  const created = await createApiToken(db, { viewer, ...input });
  return { id: created.id, name: created.name, token: created.token };
});

export const revokeApiTokenAction = guardedAction("token.manage", RevokeApiTokenInput, async (input, viewer) => {
  const revoked = await revokeApiToken(db, { viewer, ...input });
  return { id: revoked.id, name: revoked.name };
});
