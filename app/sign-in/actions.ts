"use server";

import { AuthError } from "next-auth";
import { oauthProviders, signIn } from "@/lib/auth/config";
import { SignInInput, safeCallbackUrl } from "@/lib/auth/sign-in-input";
import { SIGN_IN_LIMITS } from "@/lib/auth/sign-in-limits";

export type SignInState = { message: string | null; fields: Record<string, string[]> };

/** Signs in with email and password; on refusal returns a message (the form keeps what was typed). */
export async function signInWithPassword(_previous: SignInState, form: FormData): Promise<SignInState> {
  const raw = { email: String(form.get("email") ?? ""), password: String(form.get("password") ?? ""), callbackUrl: String(form.get("callbackUrl") ?? "") };
  const parsed = SignInInput.safeParse(raw);
  if (!parsed.success) {
    const fields: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fields[String(issue.path[0])] ??= []).push(issue.message);
    return { message: "Check the highlighted fields.", fields };
  }
  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeCallbackUrl(parsed.data.callbackUrl),
    });
  } catch (error) {
    // A successful sign-in "throws" Next's redirect; only Auth.js errors are refusals.
    if (!(error instanceof AuthError)) throw error;
    const limited = "code" in error && error.code === "rate_limited";
    return {
      message: limited
        ? `Too many failed attempts. Wait ${SIGN_IN_LIMITS.windowMinutes} minutes, then try again.`
        : "That email and password do not match an account.",
      fields: {},
    };
  }
  return { message: null, fields: {} };
}

/** Starts an OAuth sign-in with a provider switched on by the environment. */
export async function signInWithProvider(form: FormData): Promise<void> {
  const provider = String(form.get("provider") ?? "");
  if (!oauthProviders.some((p) => p.id === provider)) return;
  await signIn(provider, { redirectTo: safeCallbackUrl(String(form.get("callbackUrl") ?? "")) });
}
