import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeCallbackUrl } from "@/lib/auth/sign-in-input";
import { getViewer } from "@/lib/auth/viewer";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ callbackUrl?: string | string[] }> };

export default async function SignInPage({ searchParams }: Props) {
  const raw = (await searchParams).callbackUrl;
  const callbackUrl = safeCallbackUrl(Array.isArray(raw) ? raw[0] : raw);
  if (await getViewer()) redirect(callbackUrl);
  return (
    <div className="narrow">
      <h1>Sign in</h1>
      <p className="muted">Reviewers, editors and admins sign in here. Readers need no account.</p>
      <SignInForm callbackUrl={callbackUrl} />
    </div>
  );
}
