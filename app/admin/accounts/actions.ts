"use server";

import { changeRole, createAccount, resetPassword, setAccountDisabled } from "@/lib/accounts";
import { ChangeRoleInput, CreateAccountInput, ResetPasswordInput, SetAccountDisabledInput } from "@/lib/accounts/schemas";
import { guardedAction } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";

// Thin: the "user.manage" check, the operation's schema and one verb each. A one-time password
// leaves the server only in the answer to the admin who made it.
export const createAccountAction = guardedAction("user.manage", CreateAccountInput, async (input, actor) => {
  const created = await createAccount(db, { actor, ...input });
  return { id: created.id, email: created.email, name: created.name, role: created.role, password: created.password };
});

export const changeRoleAction = guardedAction("user.manage", ChangeRoleInput, async (input, actor) => changeRole(db, { actor, ...input }));

export const setAccountDisabledAction = guardedAction("user.manage", SetAccountDisabledInput, async (input, actor) => {
  const changed = await setAccountDisabled(db, { actor, ...input });
  return { email: changed.email, disabled: changed.disabledAt !== null, sessionsEnded: changed.sessionsEnded, tokensRevoked: changed.tokensRevoked };
});

export const resetPasswordAction = guardedAction("user.manage", ResetPasswordInput, async (input, actor) => {
  const reset = await resetPassword(db, { actor, ...input });
  return { email: reset.email, password: reset.password };
});
