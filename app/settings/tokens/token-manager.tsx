"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import type { ErrorBody } from "@/lib/errors";
import { humanDateTime } from "@/lib/export/human-date";
import { createApiTokenAction, revokeApiTokenAction } from "./actions";

type TokenRow = { id: string; name: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null };

const formatWhen = (iso: string | null, none: string) => humanDateTime(iso) ?? none;

/** Create a token (shown once, with a copy button), see when each was last used, revoke. */
export function TokenManager({ tokens }: { tokens: TokenRow[] }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [name, setName] = useState("");
  const [error, setError] = useState<ErrorBody | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const secretRef = useRef<HTMLInputElement>(null);

  function create() {
    startTransition(async () => {
      const result = await createApiTokenAction({ name });
      if (result.ok) {
        setCreated({ name: result.data.name, token: result.data.token });
        setName("");
        setError(null);
        setStatus(`Created the token “${result.data.name}”. Copy it now: it will not be shown again.`);
        router.refresh();
      } else {
        setError(result.error);
        setStatus(null);
      }
    });
  }

  function revoke(token: TokenRow) {
    startTransition(async () => {
      const result = await revokeApiTokenAction({ tokenId: token.id });
      if (result.ok) {
        setError(null);
        setStatus(`Revoked the token “${result.data.name}”: it no longer works.`);
        router.refresh();
      } else {
        setError(result.error);
        setStatus(null);
      }
    });
  }

  async function copy() {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.token);
      setStatus("Copied the token to the clipboard.");
    } catch {
      // Without clipboard access, select the text so Ctrl+C copies it.
      secretRef.current?.select();
      setStatus("Select the token and copy it with Ctrl+C (the browser did not allow copying).");
    }
  }

  return (
    <>
      <form
        className="stack narrow-form"
        aria-labelledby="new-token-heading"
        onSubmit={(e) => {
          e.preventDefault();
          create();
        }}
      >
        <h2 id="new-token-heading">New token</h2>
        <label>
          Token name
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={100}
            placeholder="e.g. newsroom CMS"
            aria-invalid={error?.fields?.name ? true : undefined}
            aria-describedby={error?.fields?.name ? "token-name-error" : undefined}
          />
        </label>
        {error?.fields?.name ? (
          <p id="token-name-error" className="field-error">
            {error.fields.name[0]}
          </p>
        ) : null}
        <div className="row">
          <button type="submit" className="button primary" disabled={pending}>
            Create token
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

      {created ? (
        <section className="new-token stack" aria-labelledby="created-token-heading">
          <h2 id="created-token-heading">Your new token “{created.name}”</h2>
          <label>
            Token (shown once)
            <input ref={secretRef} className="token-secret" readOnly value={created.token} data-testid="new-token" onFocus={(e) => e.currentTarget.select()} />
          </label>
          <div className="row">
            <button type="button" className="button" onClick={() => void copy()}>
              Copy token
            </button>
            <button type="button" className="button link" onClick={() => setCreated(null)}>
              I have copied it; hide it
            </button>
          </div>
        </section>
      ) : null}

      <h2 id="tokens-heading">Your tokens</h2>
      {tokens.length === 0 ? (
        <p className="muted">No tokens yet.</p>
      ) : (
        <table className="listing" aria-labelledby="tokens-heading">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => (
              <tr key={t.id} data-token-name={t.name}>
                <th scope="row">{t.name}</th>
                <td>{formatWhen(t.createdAt, "")}</td>
                <td>{formatWhen(t.lastUsedAt, "never")}</td>
                <td>{t.revokedAt ? `Revoked ${formatWhen(t.revokedAt, "")}` : "Active"}</td>
                <td>
                  {t.revokedAt ? null : (
                    <button type="button" className="button" disabled={pending} aria-label={`Revoke the token ${t.name}`} onClick={() => revoke(t)}>
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
