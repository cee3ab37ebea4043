"use server";

import { headers } from "next/headers";
import { changePassword, updateProfileName } from "@/lib/accounts";
import { ChangePasswordInput, UpdateProfileNameInput } from "@/lib/accounts/schemas";
import { clientAddress } from "@/lib/auth/client-address";
import { auth } from "@/lib/auth/config";
import { guardedAction } from "@/lib/auth/guard";
import type { Permission } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";

// Every signed-in role may edit its own profile. policy.ts has no permission by that name yet, and
const OWN_PROFILE: Permission = "profile.edit";

export const updateProfileNameAction = guardedAction(OWN_PROFILE, UpdateProfileNameInput, async (input, viewer) => updateProfileName(db, { viewer, ...input }));

export const changePasswordAction = guardedAction(OWN_PROFILE, ChangePasswordInput, async (input, viewer) => {
  // This browser's session stays signed in; every other session of the user ends.
  const keepSession = (await auth())?.sid;
  const address = clientAddress(new Headers(await headers()));
  return changePassword(db, { viewer, ...input, keepSession, address });
});
