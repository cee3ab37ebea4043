/**
 * Command-line claim extractor: prints the claims of one article as JSON.
 *
 *   npm run --silent claims -- FILE [--all]
 *
 * Prints `{ "claims": [...] }` (and `"dropped"` with --all, each with `why`) and nothing else on
 * stdout. The claims are the ones `npm run import` stores for FILE (both read it through
 * prepareArticle); offsets are UTF-16 offsets into FILE's text. A missing, unreadable, binary or
 * non-UTF-8 file exits non-zero with one line on stderr.
 */
import { readFileSync } from "node:fs";
import { claimsInSource, extractClaims, prepareArticle, type PreparedArticle } from "../lib/claims";
import { AppError } from "../lib/errors";

function fail(message: string): never {
  process.stderr.write(`claims: ${message}\n`);
  process.exit(1);
}

function readArticle(file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    fail(code === "ENOENT" ? `no such file: ${file}` : code === "EISDIR" ? `is a directory: ${file}` : `cannot read ${file} (${code ?? "error"})`);
  }
  if (bytes.subarray(0, 8192).includes(0)) fail(`${file} looks binary (it contains NUL bytes)`);
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    fail(`${file} is not valid UTF-8`);
  }
}

/** prepareArticle, with a refusal (too deeply nested HTML) or a parser's failure as one line on stderr. */
function readAsImported(text: string, file: string): PreparedArticle {
  try {
    return prepareArticle(text, { fileName: file });
  } catch (err) {
    fail(err instanceof AppError ? `${file}: ${err.message}` : `${file} could not be read as an article (${(err as Error)?.message ?? String(err)})`);
  }
}

const args = process.argv.slice(2);
const all = args.includes("--all");
const files = args.filter((a) => a !== "--all" && a !== "--");
if (files.length !== 1) fail("usage: npm run --silent claims -- FILE [--all]");
const file = files[0]!;
const text = readArticle(file);
// Read as the import reads it (prepareArticle), so both find the same claims; report them in FILE.
const article = readAsImported(text, file);
const result = claimsInSource(article, extractClaims(article.markdown));
const claims = result.claims.map(({ kind, text, sourceStart, sourceEnd, score, reasons, quantities, context, speaker }) => ({
  kind, text, sourceStart, sourceEnd, score, reasons, quantities, context, speaker,
}));
process.stdout.write(`${JSON.stringify(all ? { claims, dropped: result.dropped } : { claims }, null, 2)}\n`);
