"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import type { ImportOutcome } from "@/lib/articles/import-article";
import { ImportRevisionInput } from "@/lib/revisions/schemas";
import { importRevisionAction } from "./actions";

/**
 * The server's own limit is 5 MiB (lib/articles/source-file.ts); bigger files and pasted text are
 * refused here before sending, since an over-limit server-action body gets Next's bare error page.
 */
const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** "This file is 6.2 MB; the limit is 5 MB." (MB as people say it, counted in MiB as the server does.) */
function tooLarge(what: string, bytes: number): string {
  return `${what} is ${(bytes / (1024 * 1024)).toFixed(1)} MB; the limit is 5 MB.`;
}

/**
 * "Import new revision": paste the edited article or choose its file (its text is shown here and may
 * be edited before importing). A refused import keeps the text and says why.
 */
export function ImportRevisionForm({ slug }: { slug: string }) {
  const router = useRouter();
  const [text, setText] = useState("");
  const [fileName, setFileName] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [pending, startTransition] = useTransition();

  async function onFile(file: File | undefined) {
    setOutcome(null);
    if (!file) return setFileName(undefined);
    if (file.size > MAX_FILE_BYTES) return setError(tooLarge(`This file (${file.name})`, file.size));
    try {
      setText(new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer()).replace(/^\uFEFF/, ""));
      setFileName(file.name);
      setError(null);
    } catch {
      setError(`${file.name} is not valid UTF-8 text; save it as UTF-8 and choose it again.`);
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input = { slug, text, fileName };
    const parsed = ImportRevisionInput.safeParse(input);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? "Check the text and try again.");
    const bytes = new TextEncoder().encode(text).byteLength;
    if (bytes > MAX_FILE_BYTES) return setError(tooLarge(fileName ? `This file (${fileName})` : "This text", bytes));
    startTransition(async () => {
      // Next answers a body over its limit, or a dropped connection, with a rejected call rather than a result.
      const result = await importRevisionAction(input).catch(() => null);
      if (!result) {
        setOutcome(null);
        return setError("The upload did not reach the server or was refused there (the limit is 5 MB); nothing was imported. Try again.");
      }
      if (!result.ok) {
        setOutcome(null);
        return setError(result.error.message);
      }
      setError(null);
      setOutcome(result.data);
      if (result.data.status !== "unchanged") {
        setText("");
        setFileName(undefined);
      }
      router.refresh();
    });
  }

  return (
    <form className="stack" onSubmit={onSubmit} aria-labelledby="import-heading" noValidate>
      <h2 id="import-heading">Import new revision</h2>
      <p className="muted">
        Paste the article&apos;s current text (Markdown, plain text or HTML) or choose its file. Every claim is re-anchored on the new text; claims
        whose words changed keep their reviews and are marked changed, claims that cannot be placed go to the editors&apos; Orphans panel.
      </p>
      <label>
        Article file
        <input type="file" accept=".md,.markdown,.txt,.html,.htm,text/markdown,text/plain,text/html" onChange={(e) => void onFile(e.target.files?.[0])} />
      </label>
      <label>
        Article text
        <textarea
          name="text"
          rows={14}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setOutcome(null);
          }}
          aria-invalid={error ? "true" : undefined}
          aria-describedby={error ? "import-error" : undefined}
        />
      </label>
      {error ? (
        <div role="alert" id="import-error" className="form-error">
          {error}
        </div>
      ) : null}
      {outcome ? (
        <div role="status" className="notice">
          {describe(outcome)} <Link href={`/articles/${slug}/review`}>Open the workbench</Link>
        </div>
      ) : null}
      <div className="row">
        <button type="submit" className="button primary" disabled={pending}>
          {pending ? "Importing…" : "Import revision"}
        </button>
      </div>
    </form>
  );
}

function describe(outcome: ImportOutcome): string {
  const r = outcome.reanchored;
  if (outcome.status === "unchanged") return `This text is the same as revision ${outcome.revisionNumber}: nothing was imported.`;
  if (!r) return `Imported revision ${outcome.revisionNumber} with ${outcome.claimCount} claims.`;
  const restored = r.restored > 0 ? `, ${r.restored} back from orphaned` : "";
  return `Imported revision ${outcome.revisionNumber}: ${outcome.claimCount} claims. Re-anchored ${r.exact + r.changed} (${r.exact} exact, ${r.changed} changed${restored}); ${r.orphaned} orphaned; ${r.added} new.`;
}
