"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { CreateAccountInput } from "@/lib/accounts/schemas";
import { Role } from "@/lib/domain/vocabulary";
import type { ErrorBody } from "@/lib/errors";
import { createAccountAction } from "./actions";
import { checkInBrowser, describedBy, formMessage } from "@/lib/accounts/form-errors";
import { OneTimePassword } from "./one-time-password";

const EMPTY = { email: "", name: "", role: "reviewer" as Role };

/** Create an account: email, name and role; the server answers with its one-time password, shown once. */
export function CreateAccountForm() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [values, setValues] = useState(EMPTY);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [created, setCreated] = useState<{ email: string; password: string } | null>(null);
  const set = (field: keyof typeof EMPTY) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value; // read now: React clears currentTarget once the handler returns
    setValues((v) => ({ ...v, [field]: value }));
  };

  function submit() {
    const invalid = checkInBrowser(CreateAccountInput, values);
    if (invalid) return setError(invalid);
    startTransition(async () => {
      const result = await createAccountAction(values);
      if (!result.ok) {
        setError(result.error); // what was typed stays in the fields
        return;
      }
      setError(null);
      setValues(EMPTY);
      setCreated({ email: result.data.email, password: result.data.password });
      router.refresh();
    });
  }

  const fieldError = (field: string) =>
    error?.fields?.[field] ? (
      <p id={`new-account-${field}-error`} className="field-error">
        {error.fields[field]![0]}
      </p>
    ) : null;

  return (
    <>
      <form
        className="stack narrow-form"
        aria-labelledby="new-account-heading"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <h2 id="new-account-heading">New account</h2>
        <label>
          Email
          <input type="email" autoComplete="off" value={values.email} onChange={set("email")} {...describedBy(error, "email", "new-account-email-error")} />
        </label>
        {fieldError("email")}
        <label>
          Name
          <input autoComplete="off" value={values.name} onChange={set("name")} maxLength={100} {...describedBy(error, "name", "new-account-name-error")} />
        </label>
        {fieldError("name")}
        <label>
          Role
          <select value={values.role} onChange={set("role")} {...describedBy(error, "role", "new-account-role-error")}>
            {Role.options.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </select>
        </label>
        {fieldError("role")}
        <div className="row">
          <button type="submit" className="button primary" disabled={pending}>
            Create account
          </button>
        </div>
        {error ? (
          <div role="alert" className="form-error">
            {formMessage(error)}
          </div>
        ) : null}
      </form>
      {created ? <OneTimePassword email={created.email} password={created.password} onHide={() => setCreated(null)} /> : null}
    </>
  );
}
