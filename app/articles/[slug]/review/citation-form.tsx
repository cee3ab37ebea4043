"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useImperativeHandle, useRef, useState, useTransition, type Ref } from "react";
import type { StanceName } from "@/lib/domain/vocabulary";
import type { ErrorBody } from "@/lib/errors";
import { addCitationAction, suggestSourcesAction, updateCitationAction } from "./actions";
import type { CitationView } from "./types";

type Fields = { url: string; title: string; publisher: string; publishedOn: string; accessedOn: string; excerpt: string; stance: StanceName; archiveUrl: string };
export type CitationFormHandle = { open: () => void };
type Suggestion = { url: string; title: string | null; publisher: string | null };

const today = () => new Date().toISOString().slice(0, 10);

function fieldsFrom(c: CitationView | null): Fields {
  return {
    url: c?.url ?? "",
    title: c?.title ?? "",
    publisher: c?.publisher ?? "",
    publishedOn: c?.publishedOn ?? "",
    accessedOn: c?.accessedOn ?? today(),
    excerpt: c?.excerpt ?? "",
    stance: c?.stance ?? "supports",
    archiveUrl: c?.archiveUrl ?? "",
  };
}

/**
 * Adds or edits one citation of the viewer's review. Typed values stay in the form when the server
 * refuses them; known sources are suggested as the URL is typed.
 */
export function CitationForm({ ref, ...props }: { claimId: string; editing: CitationView | null; onDone: () => void; disabled: boolean; ref?: Ref<CitationFormHandle> }) {
  const { claimId, editing, onDone, disabled } = props;
  const router = useRouter();
  const [open, setOpen] = useState(editing !== null);
  const [fields, setFields] = useState<Fields>(fieldsFrom(editing));
  const [error, setError] = useState<ErrorBody | null>(null);
  // Why a saved citation's source kept its stored title and publisher (an approved verdict cites it).
  const [notice, setNotice] = useState<string | null>(null);
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [pending, startTransition] = useTransition();
  const urlRef = useRef<HTMLInputElement>(null);
  const listId = useId();

  useImperativeHandle(ref, () => ({ open: () => setOpen(true) }));
  useEffect(() => {
    if (open) urlRef.current?.focus();
  }, [open]);

  useEffect(() => {
    if (!open || fields.url.trim().length < 3) return;
    const timer = setTimeout(async () => {
      const result = await suggestSourcesAction({ query: fields.url.trim(), limit: 8 });
      if (result.ok) setSuggestions(result.data);
    }, 250);
    return () => clearTimeout(timer);
  }, [fields.url, open]);

  if (!open) {
    return (
      <>
        <button type="button" className="button" disabled={disabled} onClick={() => setOpen(true)}>
          Add citation <kbd aria-hidden="true">c</kbd>
        </button>
        {notice ? (
          <p role="note" className="citation-notice">
            {notice}
          </p>
        ) : null}
      </>
    );
  }

  const set = (name: keyof Fields) => (e: { target: { value: string } }) => {
    const value = e.target.value;
    setFields((f) => {
      const next = { ...f, [name]: value } as Fields;
      const known = name === "url" ? suggestions.find((s) => s.url === value) : undefined;
      if (known) {
        next.title ||= known.title ?? "";
        next.publisher ||= known.publisher ?? "";
      }
      return next;
    });
  };
  const invalid = (name: string) => (error?.fields?.[name] ? true : undefined);
  const fieldError = (name: string) =>
    error?.fields?.[name] ? (
      <span className="field-error" id={`${listId}-${name}-error`}>
        {error.fields[name]!.join(" ")}
      </span>
    ) : null;

  function submit() {
    const payload = {
      url: fields.url.trim(),
      title: fields.title,
      publisher: fields.publisher,
      publishedOn: fields.publishedOn,
      accessedOn: fields.accessedOn,
      excerpt: fields.excerpt,
      stance: fields.stance,
      archiveUrl: fields.archiveUrl.trim(),
    };
    startTransition(async () => {
      const result = editing ? await updateCitationAction({ citationId: editing.id, ...payload }) : await addCitationAction({ claimId, ...payload });
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setError(null);
      setNotice("notice" in result.data && typeof result.data.notice === "string" ? result.data.notice : null);
      setFields(fieldsFrom(null));
      setOpen(false);
      onDone();
      router.refresh();
    });
  }

  return (
    <form
      className="stack citation-form"
      aria-label={editing ? "Edit citation" : "Add citation"}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {error ? (
        <div role="alert" className="form-error">
          {error.message}
        </div>
      ) : null}
      <label>
        Source URL
        <input ref={urlRef} name="url" type="url" list={listId} value={fields.url} onChange={set("url")} required aria-invalid={invalid("url")} />
        {fieldError("url")}
      </label>
      <datalist id={listId}>
        {suggestions.map((s) => (
          <option key={s.url} value={s.url}>
            {s.title ?? s.url}
          </option>
        ))}
      </datalist>
      <label>
        Title
        <input name="title" value={fields.title} onChange={set("title")} aria-invalid={invalid("title")} />
        {fieldError("title")}
      </label>
      <label>
        Publisher
        <input name="publisher" value={fields.publisher} onChange={set("publisher")} />
      </label>
      <div className="row">
        <label>
          Published
          <input name="publishedOn" type="date" value={fields.publishedOn} onChange={set("publishedOn")} aria-invalid={invalid("publishedOn")} />
        </label>
        <label>
          Accessed
          <input name="accessedOn" type="date" value={fields.accessedOn} onChange={set("accessedOn")} aria-invalid={invalid("accessedOn")} />
        </label>
      </div>
      <label>
        Quoted excerpt
        <textarea name="excerpt" rows={3} value={fields.excerpt} onChange={set("excerpt")} aria-invalid={invalid("excerpt")} />
        {fieldError("excerpt")}
      </label>
      <label>
        Stance
        <select name="stance" value={fields.stance} onChange={set("stance")}>
          <option value="supports">Supports the claim</option>
          <option value="refutes">Refutes the claim</option>
          <option value="context">Gives context</option>
        </select>
      </label>
      <label>
        Archive URL (optional)
        <input name="archiveUrl" type="url" value={fields.archiveUrl} onChange={set("archiveUrl")} aria-invalid={invalid("archiveUrl")} />
        {fieldError("archiveUrl")}
      </label>
      <div className="row">
        <button type="submit" className="button primary" disabled={pending}>
          {pending ? "Saving…" : editing ? "Save citation" : "Add citation"}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            setOpen(false);
            setError(null);
            onDone();
          }}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
