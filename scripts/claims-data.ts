/**
 * Readers for the labelled data the check-worthiness model learns from and is measured on, shared by
 * `npm run train:claims` and `npm run eval:claims`. The public data sits outside the repository
 * (../shared/data/, README.md there for licences) and is never copied into it.
 *
 * - ClaimBuster (GPL-3.0): training, and contiguous-fold cross-validation.
 * - CLEF-2019 CheckThat! transcripts ("research use"): measurement only, never training or tuning.
 * - Our labelled articles: every unit the pipeline cuts that lands on a gold claim (1) or a gold
 *   `none` span (0); units on unlabelled text are left out.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, extname, join, relative, resolve } from "node:path";
import { parse } from "csv-parse/sync";
import { typedUnits } from "../lib/claims";
import type { KindInput } from "../lib/claims/model/kinds-features";
import type { KindExample } from "../lib/claims/model/kinds-training";
import type { LabelledSentence } from "../lib/claims/model/training";
import type { SourceFormat } from "../lib/claims/types";
import { type GoldDocument, type GoldFile, locateQuote, overlap, type Span, spansMatch } from "../tests/support/score-claims";

const DATA = resolve(process.cwd(), "../shared/data");
export const CLAIMBUSTER = join(DATA, "claimbuster/kfold_25ncs.csv");
export const CLEF = join(DATA, "clef2019-training");
const ARTICLES = resolve(process.cwd(), "tests/fixtures/claims/articles");
const CORPUS = resolve(process.cwd(), "tests/fixtures/claims/corpus");
const FORMATS: Record<string, SourceFormat> = { ".md": "markdown", ".txt": "text", ".html": "html", ".htm": "html" };

/** ClaimBuster sentences in debate order (by sentence_id), so contiguous folds are runs of debates. */
export function readClaimBuster(): (LabelledSentence & { id: number })[] {
  const rows = parse(readFileSync(CLAIMBUSTER), { columns: true, skip_empty_lines: true }) as { sentence_id: string; label: string; text: string }[];
  return rows.map((r) => ({ id: Number(r.sentence_id), text: r.text, label: Number(r.label) })).sort((a, b) => a.id - b.id);
}

export interface TranscriptLine {
  line: number;
  speaker: string;
  text: string;
  label: number;
}

/** The 19 CLEF-2019 training transcripts, each line in order. For measuring only. */
export function readClef(): { name: string; lines: TranscriptLine[] }[] {
  return readdirSync(CLEF)
    .filter((f) => f.endsWith(".tsv"))
    .sort()
    .map((name) => ({
      name: name.replace(/\.tsv$/, ""),
      lines: readFileSync(join(CLEF, name), "utf8")
        .split("\n")
        .filter((l) => l.trim())
        .map((l) => {
          const [line, speaker, text, label] = l.split("\t");
          return { line: Number(line), speaker: speaker ?? "", text: text ?? "", label: Number(label) };
        }),
    }));
}

/** Where a labelled article belongs: learned and tuned on, or the blind held-out split scored once. */
export type Split = "train" | "heldout";

/** One labelled article: its text and format, its labels, and the split it belongs to. */
export interface LabelledArticle {
  name: string;
  path: string;
  text: string;
  format: SourceFormat;
  labels: GoldDocument;
  split: Split;
  /** The gold file it is labelled in, relative to the repository (which batch, which labeller). */
  gold: string;
}

function goldFilesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return goldFilesUnder(path);
      return name.endsWith(".gold.json") ? [path] : [];
    });
}

/**
 * Which split a corpus article is in: `corpus/heldout/` is the blind held-out split (labelled by
 * someone who never saw the rules, added and scored by the lead); `corpus/train/` is everything we
 * learn and tune on (the old test split moved there once it had been looked at too often). A `split`
 * field in the labels overrides the folder. Anything else is left out: neither trained on nor scored.
 */
function splitOf(goldPath: string, labels: GoldDocument & { split?: string }): Split | null {
  if (labels.split === "train") return "train";
  if (labels.split === "heldout" || labels.split === "test") return "heldout";
  const parts = relative(CORPUS, goldPath).split(/[\\/]/);
  if (parts.includes("heldout")) return "heldout";
  if (parts.includes("train")) return "train";
  return null;
}

/** Every labelled article: the six under articles/ (all training), then the corpus's. */
export function readArticles(): LabelledArticle[] {
  const out: LabelledArticle[] = [];
  for (const goldPath of [...goldFilesUnder(ARTICLES), ...goldFilesUnder(CORPUS)]) {
    let gold: GoldFile;
    try {
      gold = JSON.parse(readFileSync(goldPath, "utf8")) as GoldFile;
    } catch {
      // A gold file still being written by a labeller: leave it out rather than fail the run.
      console.error(`skipping ${relative(process.cwd(), goldPath)}: not valid JSON yet`);
      continue;
    }
    for (const [rel, labels] of Object.entries(gold)) {
      const path = resolve(dirname(goldPath), rel);
      const format = FORMATS[extname(path).toLowerCase()];
      if (!format || !existsSync(path)) continue;
      const split = goldPath.startsWith(CORPUS) ? splitOf(goldPath, labels) : "train";
      if (!split) {
        console.error(`skipping ${relative(process.cwd(), path)}: neither under corpus/train/ nor corpus/heldout/`);
        continue;
      }
      out.push({ name: relative(process.cwd(), path), path, text: readFileSync(path, "utf8"), format, labels, split, gold: relative(process.cwd(), goldPath) });
    }
  }
  return out;
}

/** The units the pipeline cuts from an article, labelled by the gold spans they land on. */
export function articleSentences(article: LabelledArticle, weight = 1): LabelledSentence[] {
  // typedUnits, not extractClaims: every unit the pipeline cuts, kept or dropped, without asking the
  // kind model (which train:claims may be about to rewrite).
  const gold = article.labels.claims.map((c) => locateQuote(article.text, c.quote)).filter((s): s is Span => s !== null);
  const none = article.labels.none.map((q) => locateQuote(article.text, q)).filter((s): s is Span => s !== null);
  const out: LabelledSentence[] = [];
  for (const unit of typedUnits(article.text, article.format)) {
    const span: Span = [unit.anchor.sourceStart, unit.anchor.sourceEnd];
    if (gold.some((g) => spansMatch(g, span))) out.push({ text: unit.text, label: 1, weight });
    else if (none.some((n) => overlap(span, n) >= 0.5 * (span[1] - span[0]))) out.push({ text: unit.text, label: 0, weight });
  }
  return out;
}

/** A document's kept claims as the kind model sees them, and the examples it learns from. */
export interface KindDocument {
  article: LabelledArticle;
  /** Every claim the pipeline keeps, with its span, in order. */
  claims: { input: KindInput; sourceStart: number; sourceEnd: number }[];
  /** Kept claims that land on a gold claim, labelled with its best kind (`kinds[0]`). */
  examples: KindExample[];
}

/** What the kind model learns from and is cross-validated on, one labelled article. */
export function kindDocument(article: LabelledArticle): KindDocument {
  const gold = article.labels.claims.map((c) => ({ c, span: locateQuote(article.text, c.quote) })).filter((g) => g.span !== null);
  const claims: KindDocument["claims"] = [];
  const examples: KindExample[] = [];
  for (const u of typedUnits(article.text, article.format)) {
    if (u.why) continue;
    claims.push({ input: u.kindInput, sourceStart: u.anchor.sourceStart, sourceEnd: u.anchor.sourceEnd });
    const on = gold.find((g) => spansMatch(g.span!, [u.anchor.sourceStart, u.anchor.sourceEnd]));
    const best = on?.c.kinds[0];
    if (best === "statistic" || best === "program_rule" || best === "policy_assertion" || best === "factual") examples.push({ input: u.kindInput, label: best });
  }
  return { article, claims, examples };
}
