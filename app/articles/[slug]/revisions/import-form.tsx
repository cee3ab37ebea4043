"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import type { ImportOutcome } from "@/lib/articles/import-article";
import { describeProgress } from "@/lib/articles/import-progress";
import { ImportRevisionInput } from "@/lib/revisions/schemas";
import { importJobStatusAction, importRevisionAction } from "./actions";

/** How often the form asks how the import's job is doing; its progress is written at most every 250 ms. */
const POLL_MS = 500;

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
 * be edited before importing). The import is a job (lib/jobs): the form queues it, then shows its
 * stage until it is done ("Re-anchoring claims: 400 of 2,000…", or why it is still waiting). A
 * refused import keeps the text and says why.
 */
export function ImportRevisionForm({ slug }: { slug: string }) {
  const router = useRouter();
  const [text, setText] = useState("");
  const [fileName, setFileName] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [stage, setStage] = useState("");
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
      const answer = await runImport(input, setStage);
      setStage("");
      if ("error" in answer) {
        setOutcome(null);
        return setError(answer.error);
      }
      setError(null);
      setOutcome(answer.outcome);
      if (answer.outcome.status !== "unchanged") {
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
      {pending && stage ? (
        <p role="status" aria-live="polite" className="muted">
          {stage}
        </p>
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

/** Queues the import, then polls its job until it ends: the outcome, or the sentence to show. */
async function runImport(input: ImportRevisionInput, onStage: (text: string) => void): Promise<{ outcome: ImportOutcome } | { error: string }> {
  // Next answers a body over its limit, or a dropped connection, with a rejected call rather than a result.
  const queued = await importRevisionAction(input).catch(() => null);
  if (!queued) return { error: "The upload did not reach the server or was refused there (the limit is 5 MB); nothing was imported. Try again." };
  if (!queued.ok) return { error: queued.error.message };
  onStage("Queued…");
  for (let lost = 0; ; ) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    const status = await importJobStatusAction({ jobId: queued.data.jobId }).catch(() => null);
    // A lost answer is asked again: the job goes on in the meantime, whatever happens to this page.
    if (!status && ++lost < 20) continue;
    if (!status) return { error: "The server stopped answering while the revision was imported; it may still go in. Reload the page to see the revisions list." };
    lost = 0;
    if (!status.ok) return { error: status.error.message };
    const job = status.data;
    if (job.state === "done" && job.result) return { outcome: job.result };
    if (job.state === "failed") return { error: job.error?.message ?? "The import failed; nothing was imported." };
    onStage(job.progress ? describeProgress(job.progress) : (job.waiting ?? "Importing…"));
  }
}

function describe(outcome: ImportOutcome): string {
  const r = outcome.reanchored;
  if (outcome.status === "unchanged") return `This text is the same as revision ${outcome.revisionNumber}: nothing was imported.`;
  if (!r) return `Imported revision ${outcome.revisionNumber} with ${outcome.claimCount} claims.`;
  const restored = r.restored > 0 ? `, ${r.restored} back from orphaned` : "";
  return `Imported revision ${outcome.revisionNumber}: ${outcome.claimCount} claims. Re-anchored ${r.exact + r.changed} (${r.exact} exact, ${r.changed} changed${restored}); ${r.orphaned} orphaned; ${r.added} new.`;
}
