"use client";

import type { ArticleFields } from "@/lib/articles/new-article-schemas";
import { FIELD_LABELS } from "./error-summary";
import { errorId, fieldId, type FormErrors } from "./form-errors";

/** The metadata fields as the form holds them: text, "" for not given. */
export type FieldValues = Record<keyof ArticleFields, string>;
export const EMPTY_FIELDS: FieldValues = { title: "", slug: "", publisher: "", author: "", originalUrl: "", publishedOn: "" };

const INPUTS: Array<{ name: keyof ArticleFields; type: string; hint?: string; autoComplete?: string }> = [
  { name: "title", type: "text" },
  { name: "slug", type: "text", hint: "The article's address: lower-case letters, digits and hyphens. Left empty, it comes from the file's name or the title." },
  { name: "publisher", type: "text", autoComplete: "organization" },
  { name: "author", type: "text" },
  { name: "originalUrl", type: "url", hint: "Where the article was first published, starting with https://", autoComplete: "url" },
  { name: "publishedOn", type: "date" },
];

/** Title, slug, publisher, author, original URL and date; empty ones are filled from the file by the preview. */
export function ArticleFieldInputs({ values, errors, onChange, disabled }: {
  values: FieldValues;
  errors: FormErrors;
  onChange: (name: keyof ArticleFields, value: string) => void;
  disabled: boolean;
}) {
  return (
    <fieldset className="stack import-fields" disabled={disabled}>
      <legend>About the article</legend>
      {INPUTS.map(({ name, type, hint, autoComplete }) => {
        const error = errors.fields[name];
        const described = [hint ? `${fieldId(name)}-hint` : null, error ? errorId(name) : null].filter(Boolean).join(" ");
        return (
          <div key={name} className="import-field">
            <label htmlFor={fieldId(name)}>{FIELD_LABELS[name]}</label>
            {hint ? (
              <p id={`${fieldId(name)}-hint`} className="muted import-hint">
                {hint}
              </p>
            ) : null}
            <input
              id={fieldId(name)}
              name={name}
              type={type}
              value={values[name]}
              autoComplete={autoComplete ?? "off"}
              onChange={(e) => onChange(name, e.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={described || undefined}
            />
            {error ? (
              <p id={errorId(name)} className="field-error">
                {error}
              </p>
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}
