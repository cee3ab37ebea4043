"use client";

import { useState, useTransition } from "react";
import { checkInBrowser, describedBy, formMessage } from "@/lib/accounts/form-errors";
import { ChangePasswordInput, MIN_PASSWORD_LENGTH } from "@/lib/accounts/schemas";
import type { ErrorBody } from "@/lib/errors";
import { changePasswordAction } from "./actions";

const EMPTY = { currentPassword: "", newPassword: "", confirmPassword: "" };
const FIELDS = [
  { field: "currentPassword", label: "Current password", autoComplete: "current-password" },
  { field: "newPassword", label: "New password", autoComplete: "new-password" },
  { field: "confirmPassword", label: "New password again", autoComplete: "new-password" },
] as const;

/** Change one's own password; this browser stays signed in, every other session of the account ends. */
export function PasswordForm({ email }: { email: string }) {
  const [pending, startTransition] = useTransition();
  const [values, setValues] = useState(EMPTY);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  function submit() {
    const invalid = checkInBrowser(ChangePasswordInput, values);
    setStatus(null);
    if (invalid) return setError(invalid);
    startTransition(async () => {
      const result = await changePasswordAction(values);
      if (!result.ok) return setError(result.error);
      setError(null);
      setValues(EMPTY);
      const others = result.data.sessionsEnded;
      setStatus(`Changed your password. ${others === 0 ? "You were signed in nowhere else." : `Signed out ${others} other ${others === 1 ? "session" : "sessions"}.`}`);
    });
  }

  return (
    <form
      className="stack narrow-form profile-section"
      aria-labelledby="password-heading"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h2 id="password-heading">Password</h2>
      <p className="muted" id="password-rules">
        At least {MIN_PASSWORD_LENGTH} characters. Changing it signs you out everywhere else; this browser stays signed in.
      </p>
      {/* For password managers: which account the new password belongs to. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      {FIELDS.map(({ field, label, autoComplete }) => (
        <div key={field} className="stack">
          <label>
            {label}
            <input
              type="password"
              autoComplete={autoComplete}
              value={values[field]}
              maxLength={200}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setValues((v) => ({ ...v, [field]: value }));
              }}
              {...describedBy(error, field, `password-${field}-error`)}
            />
          </label>
          {error?.fields?.[field] ? (
            <p id={`password-${field}-error`} className="field-error">
              {error.fields[field][0]}
            </p>
          ) : null}
        </div>
      ))}
      <div className="row">
        <button type="submit" className="button primary" disabled={pending}>
          Change password
        </button>
        <span role="status" aria-live="polite">
          {status}
        </span>
      </div>
      {error ? (
        <div role="alert" className="form-error">
          {formMessage(error)}
        </div>
      ) : null}
    </form>
  );
}
