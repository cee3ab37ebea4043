"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ErrorBody } from "@/lib/errors";
import type { RestoreOutcome } from "@/lib/export/restore-backup";

type Restored = Pick<RestoreOutcome, "slug" | "version" | "claims" | "reviews" | "citations" | "replaced" | "usersCreated">;

/** Upload a backup.json; errors say what is wrong with the file, and the chosen file stays chosen. */
export function RestoreForm() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [restored, setRestored] = useState<Restored | null>(null);

  async function submit(form: HTMLFormElement) {
    setPending(true);
    setError(null);
    setRestored(null);
    try {
      const response = await fetch("/desk/restore_backup", { method: "POST", body: new FormData(form) });
      const body = (await response.json().catch(() => null)) as { data?: Restored; error?: ErrorBody } | null;
      if (response.ok && body?.data) {
        setRestored(body.data);
        router.refresh();
      } else {
        setError(body?.error ?? { code: "INTERNAL", message: `The server answered ${response.status}; nothing was restored.` });
      }
    } catch {
      setError({ code: "INTERNAL", message: "The upload did not reach the server; check the connection and try again." });
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      className="stack restore-form"
      aria-labelledby="restore-heading"
      onSubmit={(event) => {
        event.preventDefault();
        void submit(event.currentTarget);
      }}
    >
      <h2 id="restore-heading">Restore a backup</h2>
      <p className="muted">Upload an article&apos;s backup.json (from its report page) to restore the article with its claims, reviews, citations and history.</p>
      <label>
        Backup file
        <input type="file" name="file" accept="application/json,.json" required aria-invalid={error ? true : undefined} aria-describedby={error ? "restore-error" : undefined} />
      </label>
      <label className="row">
        <input type="checkbox" name="replace" />
        Replace an article with the same slug
      </label>
      <div className="row">
        <button type="submit" className="button primary" disabled={pending}>
          {pending ? "Restoring…" : "Restore"}
        </button>
        <span role="status" aria-live="polite">
          {restored ? (
            <>
              Restored <Link href={`/desk/${restored.slug}`}>{restored.slug}</Link>
              {restored.replaced ? " (replaced)" : ""}: {restored.claims} claims, {restored.reviews} reviews, {restored.citations} citations
              {restored.usersCreated > 0 ? `; ${restored.usersCreated} new disabled reviewer accounts (an admin enables them)` : ""}
              {restored.version === 1 ? " (an older backup: where claims sat in earlier revisions was not in it)" : ""}.
            </>
          ) : null}
        </span>
      </div>
      {error ? (
        <div role="alert" id="restore-error" className="form-error">
          {error.message}
        </div>
      ) : null}
    </form>
  );
}
