import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeCallbackUrl } from "@/lib/auth/sign-in-input";
import { oauthProviders } from "@/lib/auth/config";
import { getViewer } from "@/lib/auth/viewer";
import { signInWithProvider } from "./actions";
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
      {oauthProviders.length > 0 ? (
        <form action={signInWithProvider} className="stack oauth">
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          {oauthProviders.map((p) => (
            <button key={p.id} type="submit" name="provider" value={p.id} className="button">
              Sign in with {p.name}
            </button>
          ))}
        </form>
      ) : null}
    </div>
  );
}
