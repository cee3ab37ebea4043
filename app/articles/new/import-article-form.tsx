"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { MAX_ARTICLE_BYTES, PASTED_TEXT, formatBytes, tooLargeMessage } from "@/lib/articles/article-limits";
import type { ImportOutcome } from "@/lib/articles/import-article";
import { describeProgress } from "@/lib/articles/import-progress";
import { CreateArticleInput, PreviewArticleInput } from "@/lib/articles/new-article-schemas";
import type { ArticlePreview } from "@/lib/articles/preview-article";
import { ArticleFieldInputs, EMPTY_FIELDS, type FieldValues } from "./article-fields";
import { ClaimsPreview } from "./claims-preview";
import { ErrorSummary } from "./error-summary";
import { NO_ERRORS, errorId, fieldId, fromBody, fromZod, type FormErrors } from "./form-errors";
import { postForm, postImport } from "./post-article";

type Busy = null | "preview" | "import";
const BUSY_TEXT = { preview: "Finding claims…", import: "Importing…" } as const;

/**
 * "Import an article": choose a file or paste the text; the server finds its claims and metadata
 * (a preview, which fills the empty fields), then "Import" creates the article and opens its
 * workbench. A refusal keeps everything entered, the chosen file included (it stays in this page's
 * state, so it is never to be chosen again), and says what to fix, field by field.
 */
export function ImportArticleForm() {
  const router = useRouter();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState("");
  const [fields, setFields] = useState<FieldValues>(EMPTY_FIELDS);
  const [preview, setPreview] = useState<ArticlePreview | null>(null);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [refused, setRefused] = useState<{ what: "preview" | "import"; attempt: number }>({ what: "import", attempt: 0 });
  const [busy, setBusy] = useState<Busy>(null);
  const [status, setStatus] = useState("");
  const pasted = useRef(false);
  // Only the latest preview counts: a slow one for a file since replaced must not fill the fields.
  const previewRun = useRef(0);

  function refuse(what: "preview" | "import", next: FormErrors) {
    setErrors(next);
    setRefused((r) => ({ what, attempt: r.attempt + 1 }));
    setStatus("");
  }

  /** The article as the form would send it: the chosen file wins over pasted text. */
  function source(chosen: File | null, pastedText: string) {
    return chosen ? { file: chosen } : { text: pastedText };
  }

  /** Checks the size here, with the command line's sentence: an over-limit body would not reach the server's reader. */
  function tooLarge(chosen: File | null, pastedText: string): FormErrors | null {
    if (chosen) return chosen.size > MAX_ARTICLE_BYTES ? { message: null, fields: { file: tooLargeMessage(chosen.name, chosen.size) } } : null;
    const bytes = new TextEncoder().encode(pastedText).byteLength;
    return bytes > MAX_ARTICLE_BYTES ? { message: null, fields: { text: tooLargeMessage(PASTED_TEXT, bytes) } } : null;
  }

  async function runPreview(chosen: File | null, pastedText: string) {
    const input = source(chosen, pastedText);
    const parsed = PreviewArticleInput.safeParse(input);
    if (!parsed.success) return refuse("preview", fromZod(parsed.error));
    const large = tooLarge(chosen, pastedText);
    if (large) return refuse("preview", large);
    const run = ++previewRun.current;
    setBusy("preview");
    setStatus(BUSY_TEXT.preview);
    const answer = await postForm<ArticlePreview>("/articles/new/preview", input);
    if (run !== previewRun.current) return;
    setBusy(null);
    if ("error" in answer) return refuse("preview", fromBody(answer.error));
    const found = answer.data;
    setPreview(found);
    setErrors(NO_ERRORS);
    // Only the empty fields: what the person typed stays theirs.
    setFields((now) => {
      const next = { ...now };
      for (const name of Object.keys(next) as Array<keyof FieldValues>) if (!next[name].trim()) next[name] = found.found[name] ?? "";
      return next;
    });
    const taken = found.slugTaken ? ` The slug ${found.slugTaken} is taken; ${found.found.slug} is suggested.` : "";
    setStatus(`Found ${found.claimCount} ${found.claimCount === 1 ? "claim" : "claims"}; empty fields were filled from the ${chosen ? "file" : "text"}.${taken}`);
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const input = { ...source(file, text), ...fields };
    const parsed = CreateArticleInput.safeParse(input);
    if (!parsed.success) return refuse("import", fromZod(parsed.error));
    const large = tooLarge(file, text);
    if (large) return refuse("import", large);
    setBusy("import");
    setStatus(BUSY_TEXT.import);
    const answer = await postImport<ImportOutcome>("/api/articles", input, (progress) => setStatus(describeProgress(progress)), setStatus);
    if ("error" in answer) {
      setBusy(null);
      return refuse("import", fromBody(answer.error));
    }
    setStatus(`Imported ${answer.data.claimCount} claims; opening the workbench…`);
    router.push(`/articles/${answer.data.slug}/review`);
  }

  function onFile(chosen: File | null) {
    setFile(chosen);
    setPreview(null);
    if (chosen) void runPreview(chosen, text);
  }

  function clearFile() {
    if (fileInput.current) fileInput.current.value = "";
    onFile(null);
    fileInput.current?.focus();
  }

  const fileError = errors.fields.file;
  const textError = errors.fields.text;
  return (
    <form className="stack import-form" onSubmit={onSubmit} aria-labelledby="import-heading" aria-busy={busy !== null} noValidate>
      <h1 id="import-heading">Import an article</h1>
      <p className="muted">
        Choose the article&apos;s file (Markdown, plain text or HTML, up to {formatBytes(MAX_ARTICLE_BYTES)}) or paste its text. The claims found are
        listed before anything is imported.
      </p>
      <ErrorSummary errors={errors} attempt={refused.attempt} title={refused.what === "preview" ? "The claims could not be found" : "The article was not imported"} />

      <fieldset className="stack import-source" disabled={busy !== null}>
        <legend>The article</legend>
        <div className="import-field">
          <label htmlFor={fieldId("file")}>Article file</label>
          <input
            ref={fileInput}
            id={fieldId("file")}
            name="file"
            type="file"
            accept=".md,.markdown,.txt,.html,.htm,text/markdown,text/plain,text/html"
            onChange={(e) => onFile(e.target.files?.[0] ?? null)}
            aria-invalid={fileError ? true : undefined}
            aria-describedby={[file ? "import-chosen-file" : null, fileError ? errorId("file") : null].filter(Boolean).join(" ") || undefined}
          />
          {fileError ? (
            <p id={errorId("file")} className="field-error">
              {fileError}
            </p>
          ) : null}
          {file ? (
            <p id="import-chosen-file" className="import-chosen">
              Chosen file: <strong>{file.name}</strong> ({formatBytes(file.size)}); it is imported instead of the text below.{" "}
              <button type="button" className="button link" onClick={clearFile}>
                Clear the file
              </button>
            </p>
          ) : null}
        </div>
        <div className="import-field">
          <label htmlFor={fieldId("text")}>Article text</label>
          <textarea
            id={fieldId("text")}
            name="text"
            rows={file ? 3 : 12}
            value={text}
            readOnly={file !== null}
            onPaste={() => {
              pasted.current = true;
            }}
            onChange={(e) => {
              const value = e.target.value;
              setText(value);
              setPreview(null);
              // A paste is a whole article: preview it at once; typing waits for "Find claims".
              if (pasted.current) void runPreview(null, value);
              pasted.current = false;
            }}
            aria-invalid={textError ? true : undefined}
            aria-describedby={textError ? errorId("text") : undefined}
          />
          {textError ? (
            <p id={errorId("text")} className="field-error">
              {textError}
            </p>
          ) : null}
        </div>
        <div className="row">
          <button type="button" className="button" onClick={() => void runPreview(file, text)}>
            Find claims
          </button>
        </div>
      </fieldset>

      <ArticleFieldInputs values={fields} errors={errors} disabled={busy !== null} onChange={(name, value) => setFields((now) => ({ ...now, [name]: value }))} />

      {preview ? <ClaimsPreview preview={preview} /> : null}

      <div className="row import-actions">
        <button type="submit" className="button primary" disabled={busy !== null}>
          {busy === "import" ? BUSY_TEXT.import : "Import"}
        </button>
        <p role="status" aria-live="polite" className="import-status">
          {busy ? <span className="import-spinner" aria-hidden="true" /> : null}
          {status}
        </p>
      </div>
    </form>
  );
}
