/**
 * The size limit of an article and its one sentence, shared by the command line's file reader
 * (source-file.ts), the import route and the import form, which checks a chosen file before sending
 * it. No Node imports: the form bundles this file.
 */

/** The largest article we accept: 5 MiB of UTF-8, far above any real article, far below a memory risk. */
export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;

/** "412 KiB", "5.2 MiB": sizes as the refusals state them. */
export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MiB` : `${Math.ceil(n / 1024)} KiB`;
}

/** What an over-limit article is told: "notes.md is 6.2 MiB; the limit is 5.0 MiB." */
export function tooLargeMessage(name: string, bytes: number): string {
  return `${name} is ${formatBytes(bytes)}; the limit is ${formatBytes(MAX_ARTICLE_BYTES)}.`;
}

/** What pasted text is called in a refusal: "The pasted text is empty." */
export const PASTED_TEXT = "The pasted text";
