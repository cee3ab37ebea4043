"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { checkInBrowser, describedBy } from "@/lib/accounts/form-errors";
import { UpdateProfileNameInput } from "@/lib/accounts/schemas";
import type { ErrorBody } from "@/lib/errors";
import { updateProfileNameAction } from "./actions";

/** Change one's own name: what the header, the desk and the audit trail show. */
export function NameForm({ name: saved }: { name: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [name, setName] = useState(saved);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  function submit() {
    const invalid = checkInBrowser(UpdateProfileNameInput, { name });
    setStatus(null);
    if (invalid) return setError(invalid);
    startTransition(async () => {
      const result = await updateProfileNameAction({ name });
      if (!result.ok) return setError(result.error);
      setError(null);
      setName(result.data.name);
      setStatus(`Saved: your name is now ${result.data.name}.`);
      router.refresh();
    });
  }

  return (
    <form
      className="stack narrow-form profile-section"
      aria-labelledby="name-heading"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h2 id="name-heading">Name</h2>
      <label>
        Your name
        <input autoComplete="name" value={name} maxLength={100} onChange={(e) => setName(e.currentTarget.value)} {...describedBy(error, "name", "profile-name-error")} />
      </label>
      {error?.fields?.name ? (
        <p id="profile-name-error" className="field-error">
          {error.fields.name[0]}
        </p>
      ) : null}
      <div className="row">
        <button type="submit" className="button primary" disabled={pending}>
          Save name
        </button>
        <span role="status" aria-live="polite">
          {status}
        </span>
      </div>
      {error && !error.fields?.name ? (
        <div role="alert" className="form-error">
          {error.message}
        </div>
      ) : null}
    </form>
  );
}
