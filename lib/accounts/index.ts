/**
 * Accounts (issue 15, item 4): what an admin does to accounts, and what a user does to their own.
 * Each verb takes the database and a named options object with the acting viewer, parses its input
 * with the operation's schema (./schemas.ts, shared with the forms), and writes its AuditEvent
 * (entityType "user") in the same transaction. The permission ("user.manage" for the admin verbs)
 * is checked by the server actions' guard (lib/auth/guard.ts), not here.
 *
 *   admin:  listAccounts → createAccount (one-time password) · changeRole · setAccountDisabled · resetPassword
 *   self:   updateProfileName · changePassword (ends the user's other sessions)
 *
 * Disabling and demoting go through assertAnActiveAdminRemains: nobody can leave the desk without
 * an active admin. Sessions and API tokens read the user row on every request, so a role change
 * counts at once; disabling also deletes the sessions and revokes the tokens.
 */
export { listAccounts, type AccountListing } from "./list-accounts";
export { createAccount, type CreatedAccount } from "./create-account";
export { changeRole } from "./change-role";
export { setAccountDisabled, type DisabledChange } from "./set-account-disabled";
export { resetPassword } from "./reset-password";
export { updateProfileName } from "./update-profile-name";
export { changePassword } from "./change-password";
