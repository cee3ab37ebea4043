import { z } from "zod";

/**
 * The one rule for every web address the desk stores and later renders as a link: a source's and
 * an archive's URL, an article's original URL, whether typed into a form, read from front matter or
 * restored from a backup. Only http and https: a `javascript:`, `data:` or `vbscript:` address would
 * run in the page of whoever clicks it. Zod only: the review forms bundle this file.
 */

/** What a refused address is told. It names both schemes the desk keeps. */
export const HTTP_URL_MESSAGE = "Use an http or https address: only http and https links are kept";
export const FULL_URL_MESSAGE = "Enter a full web address, starting with https://";
export const MAX_URL_LENGTH = 2_000;
/**
 * "2,000", as toLocaleString("en") writes it, without it: this module is loaded by every command
 * and toLocaleString's first call loads ICU's number formatting (~12 ms of each import's start).
 */
const MAX_URL_LENGTH_TEXT = String(MAX_URL_LENGTH).replace(/\B(?=(\d{3})+$)/g, ",");

/**
 * Whether a browser would read `value` as an http(s) address. The WHATWG parser is the browser's
 * own, so tabs or newlines inside the scheme ("java\tscript:") and upper case are read as it reads them.
 */
export function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === "http:" || protocol === "https:";
  } catch {
    return false;
  }
}

/** A required http(s) address, trimmed; `required` is what an empty one is told. */
export function httpUrl(required = "Enter a web address") {
  return z
    .string({ error: required })
    .trim()
    .min(1, required)
    .max(MAX_URL_LENGTH, `That address is longer than ${MAX_URL_LENGTH_TEXT} characters`)
    .superRefine((value, ctx) => {
      let parsed: URL;
      try {
        parsed = new URL(value);
      } catch {
        // "javascript:alert(1)" parses; "example.org/page" does not: ask for the full address.
        ctx.addIssue({ code: "custom", message: FULL_URL_MESSAGE });
        return;
      }
      if (parsed.protocol !== "http:" && parsed.protocol !== "https:") ctx.addIssue({ code: "custom", message: HTTP_URL_MESSAGE });
    });
}

/** An http(s) address, the schema every URL field derives from. */
export const HttpUrl = httpUrl();

/** An optional form field holding an address: blank (or only spaces) means "not given". */
export const OptionalHttpUrl = z
  .string()
  .trim()
  .optional()
  .nullable()
  .transform((v) => v || undefined)
  .pipe(HttpUrl.optional());
