"use client";

import { useEffect, useRef, type MouseEvent } from "react";
import { FIELD_ORDER, type FieldName } from "@/lib/articles/new-article-schemas";
import { fieldId, type FormErrors } from "./form-errors";

/** A fragment link scrolls but does not focus an input: focus it, so the person can type the fix at once. */
function focusField(event: MouseEvent<HTMLAnchorElement>, field: FieldName) {
  const control = document.getElementById(fieldId(field));
  if (!control) return;
  event.preventDefault();
  control.focus();
  control.scrollIntoView({ block: "center" });
}

/** The field names as their labels say them, for the summary's links. */
export const FIELD_LABELS: Record<FieldName, string> = {
  file: "Article file",
  text: "Article text",
  title: "Title",
  slug: "Slug",
  publisher: "Publisher",
  author: "Author",
  originalUrl: "Original URL",
  publishedOn: "Date published",
};

/**
 * The refusal, at the top of the form: each message links to its field, and focus moves here when
 * it appears (`attempt` changes on every refused try, so a second refusal is announced too).
 */
export function ErrorSummary({ errors, title, attempt }: { errors: FormErrors; title: string; attempt: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const fields = FIELD_ORDER.filter((f) => errors.fields[f]);
  const shown = errors.message !== null || fields.length > 0;
  useEffect(() => {
    if (shown) ref.current?.focus();
  }, [shown, attempt]);
  if (!shown) return null;
  return (
    <div ref={ref} className="form-error import-error-summary" role="alert" aria-labelledby="import-error-title" tabIndex={-1}>
      <h2 id="import-error-title">{title}</h2>
      {errors.message ? <p>{errors.message}</p> : null}
      {fields.length > 0 ? (
        <ul>
          {fields.map((f) => (
            <li key={f}>
              <a href={`#${fieldId(f)}`} onClick={(event) => focusField(event, f)}>
                {FIELD_LABELS[f]}: {errors.fields[f]}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
