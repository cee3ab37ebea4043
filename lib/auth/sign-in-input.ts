import { z } from "zod";

/** The sign-in form and the Credentials provider read the same schema. */
export const SignInInput = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email("Enter an email address like name@example.org")),
  password: z.string().min(1, "Enter your password").max(200, "That password is too long"),
  callbackUrl: z.string().optional(),
});
export type SignInInput = z.infer<typeof SignInInput>;

/** Only same-site paths are followed after sign-in, never another host (open redirect). */
export function safeCallbackUrl(value: string | null | undefined): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  return value;
}
