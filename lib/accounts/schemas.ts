import { z } from "zod";
import { Role } from "@/lib/domain/vocabulary";

/**
 * One zod schema per account operation (STYLE.md "Input and errors"): the admin page's and the
 * profile page's forms check with the same schema the server actions parse with. Zod only: this
 * file is bundled into client forms.
 */

/** A chosen password must be at least this long; the one-time passwords are longer. */
export const MIN_PASSWORD_LENGTH = 12;
/** The sign-in form refuses longer passwords (lib/auth/sign-in-input.ts), so none may be set. */
export const MAX_PASSWORD_LENGTH = 200;

const UserId = z.string({ error: "The account is missing" }).trim().min(1, "The account is missing").max(200);

const Email = z
  .string({ error: "Enter an email address" })
  .trim()
  .toLowerCase()
  .min(1, "Enter an email address")
  .max(254, "That email address is too long")
  // Lower-cased like the sign-in form's, so the address signs in however it was typed.
  .pipe(z.email("Enter an email address like name@example.org"));

const Name = z
  .string({ error: "Enter a name" })
  .trim()
  .min(1, "Enter a name")
  .max(100, "A name is at most 100 characters");

const RoleField = z.enum(Role.options, { error: "Choose a role" });

/** An admin creates an account; the server makes its one-time password. */
export const CreateAccountInput = z.object({ email: Email, name: Name, role: RoleField });
export type CreateAccountInput = z.infer<typeof CreateAccountInput>;

/** An admin gives an account another role. */
export const ChangeRoleInput = z.object({ userId: UserId, role: RoleField });
export type ChangeRoleInput = z.infer<typeof ChangeRoleInput>;

/** An admin disables (`disabled: true`) or re-enables an account. */
export const SetAccountDisabledInput = z.object({ userId: UserId, disabled: z.boolean() });
export type SetAccountDisabledInput = z.infer<typeof SetAccountDisabledInput>;

/** An admin gives an account a new one-time password. */
export const ResetPasswordInput = z.object({ userId: UserId });
export type ResetPasswordInput = z.infer<typeof ResetPasswordInput>;

/** A signed-in user renames themself. */
export const UpdateProfileNameInput = z.object({ name: Name });
export type UpdateProfileNameInput = z.infer<typeof UpdateProfileNameInput>;

/** A signed-in user changes their password, proving they know the current one. */
export const ChangePasswordInput = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password").max(MAX_PASSWORD_LENGTH, "That password is too long"),
    newPassword: z
      .string()
      .min(MIN_PASSWORD_LENGTH, `A new password is at least ${MIN_PASSWORD_LENGTH} characters`)
      .max(MAX_PASSWORD_LENGTH, `A new password is at most ${MAX_PASSWORD_LENGTH} characters`),
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { message: "The two new passwords differ", path: ["confirmPassword"] })
  .refine((v) => v.newPassword !== v.currentPassword, { message: "Choose a password other than the current one", path: ["newPassword"] });
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;
