"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useImperativeHandle, useRef, useState, useTransition, type Ref } from "react";
import type { StanceName } from "@/lib/domain/vocabulary";
import type { ErrorBody } from "@/lib/errors";
import { addCitationAction, suggestSourcesAction, updateCitationAction } from "./actions";
import { DraftNotice } from "./draft-notice";
import { browserStorage, draftKey, readDraft, removeDraft, writeDraft } from "./draft-storage";
import { useDrafts } from "./drafts-context";
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

const sameFields = (a: Fields, b: Fields) => (Object.keys(a) as Array<keyof Fields>).every((k) => a[k] === b[k]);

/**
 * Adds or edits one citation of the viewer's review. Typed values stay in the form when the server
 * refuses them, and in the browser until saved (a reload reopens the form with them); known
 * sources are suggested as the URL is typed.
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
  // A form opened by the reviewer takes focus; one reopened with a restored draft does not.
  const focusOnOpen = useRef(editing !== null);
  const { scope } = useDrafts();
  const storageKey = scope ? draftKey(scope, "citation", editing ? editing.id : `new:${claimId}`) : null;
  const [restoredAt, setRestoredAt] = useState<string | null>(null);

  useImperativeHandle(ref, () => ({
    open: () => {
      focusOnOpen.current = true;
      if (open) urlRef.current?.focus();
      else setOpen(true);
    },
  }));
  useEffect(() => {
    if (open && focusOnOpen.current) urlRef.current?.focus();
    focusOnOpen.current = false;
  }, [open]);

  useEffect(() => {
    const storage = browserStorage();
    const stored = storage && storageKey ? readDraft<Fields>(storage, storageKey) : null;
    if (!stored) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the browser's storage is outside React; read once on arrival
    setFields({ ...fieldsFrom(editing), ...stored.value });
    setRestoredAt(stored.savedAt);
    setOpen(true);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only on arrival: later edits are this form's own
  }, [storageKey]);

  /** Keeps the fields, in the browser too while they differ from where the form started. */
  function keep(next: Fields) {
    setFields(next);
    const storage = browserStorage();
    if (!storage || !storageKey) return;
    if (sameFields(next, fieldsFrom(editing))) removeDraft(storage, storageKey);
    else writeDraft(storage, storageKey, { value: next, savedAt: new Date().toISOString(), baseVersion: null });
  }

  function forget() {
    const storage = browserStorage();
    if (storage && storageKey) removeDraft(storage, storageKey);
    setRestoredAt(null);
  }

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
        <button
          type="button"
          className="button"
          disabled={disabled}
          onClick={() => {
            focusOnOpen.current = true;
            setOpen(true);
          }}
        >
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
    const next = { ...fields, [name]: value } as Fields;
    const known = name === "url" ? suggestions.find((s) => s.url === value) : undefined;
    if (known) {
      next.title ||= known.title ?? "";
      next.publisher ||= known.publisher ?? "";
    }
    keep(next);
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
      forget();
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
      {restoredAt ? (
        <DraftNotice
          savedAt={restoredAt}
          onDiscard={() => {
            forget();
            setFields(fieldsFrom(editing));
            setError(null);
            if (!editing) setOpen(false);
          }}
        />
      ) : null}
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
            // Cancel drops what was typed, here and in the browser.
            forget();
            setFields(fieldsFrom(editing));
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
