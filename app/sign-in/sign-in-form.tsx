"use client";

import { useActionState, useState } from "react";
import { signInWithPassword, type SignInState } from "./actions";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, formAction, pending] = useActionState<SignInState, FormData>(signInWithPassword, { message: null, fields: {} });
  // Controlled, so React's reset of the form after each submission never clears the email typed.
  const [email, setEmail] = useState("");
  return (
    <form action={formAction} className="stack" noValidate aria-describedby={state.message ? "sign-in-error" : undefined}>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {state.message ? (
        <div id="sign-in-error" role="alert" className="form-error">
          {state.message}
        </div>
      ) : null}
      <label>
        Email
        <input
          name="email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          aria-invalid={state.fields.email ? true : undefined}
          aria-describedby={state.fields.email ? "email-error" : undefined}
        />
      </label>
      {state.fields.email ? <p id="email-error" className="field-error">{state.fields.email.join(" ")}</p> : null}
      <label>
        Password
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={state.fields.password ? true : undefined}
          aria-describedby={state.fields.password ? "password-error" : undefined}
        />
      </label>
      {state.fields.password ? <p id="password-error" className="field-error">{state.fields.password.join(" ")}</p> : null}
      <button type="submit" className="button primary" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
