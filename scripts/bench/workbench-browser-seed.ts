/**
 * The articles the browser benchmark of the workbench opens: scripts/bench/sample-article.ts's
 * generated Markdown (headings, paragraphs, lists, tables) cut to a word count, with `count` of its
 * sentences as claims spread over the whole text, and per claim what scripts/bench/workbench.ts
 * seeds too: two reviews with Markdown notes (one the signed-in reviewer's) and three citations.
 * Rows are written with createMany, not through the domain verbs, so seeding 2,000 claims takes a
 * second and the figures are the workbench's alone.
 */
import type { Database } from "@/lib/db/create-database";
import { mulberry32 } from "./next-server";
import { articleOfWords } from "./sample-article";

const KINDS = ["statistic", "program_rule", "policy_assertion", "factual"];
const VERDICTS = ["accurate", "mostly_accurate", "missing_context", "misleading", "false", "unsupported", "opinion"];

/** Sentences of paragraphs and list items: never headings or table rows, whose marks would cross cells. */
function sentenceSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let offset = 0;
  for (const line of text.split("\n")) {
    if (line && !line.startsWith("#") && !line.startsWith("|")) {
      const body = line.startsWith("- ") ? 2 : 0;
      for (const m of line.slice(body).matchAll(/[A-Z0-9"$](?:[^.!?;]|[.!?;](?!\s|$))*[.!?;]"?(?=\s|$)/g)) {
        const start = offset + body + m.index;
        if (m[0].length > 12) spans.push({ start, end: start + m[0].length });
      }
    }
    offset += line.length + 1;
  }
  return spans;
}

/**
 * Seeds an article of about `words` words with `count` claims (ids `w<count>c<i>`, in reading
 * order) reviewed by `reviewers`. Returns its slug and its claims' ids in reading order.
 */
export async function seedBenchArticle(db: Database, opts: { count: number; words: number; reviewers: readonly string[] }) {
  const { count, words, reviewers } = opts;
  const slug = `bench-browser-${count}`;
  const random = mulberry32(count);
  const text = `# Benchmark article\n\n${articleOfWords(words)}\n`;
  const all = sentenceSpans(text);
  if (all.length < count) throw new Error(`${words} words hold ${all.length} sentences, fewer than ${count} claims`);
  // Every claim-th sentence, so the claims cover the whole article as an extraction's would.
  const step = all.length / count;
  const spans = Array.from({ length: count }, (_, i) => all[Math.floor(i * step)]!);
  const article = await db.article.create({ data: { slug, title: `Browser benchmark (${count} claims)`, status: "in_review" }, select: { id: true } });
  const revision = await db.revision.create({ data: { articleId: article.id, number: 1, text, sourceFormat: "markdown", contentHash: slug }, select: { id: true } });
  const id = (i: number) => `w${count}c${i}`;
  await db.claim.createMany({
    data: spans.map((span, i) => ({
      id: id(i),
      articleId: article.id,
      revisionId: revision.id,
      kind: KINDS[i % KINDS.length]!,
      text: text.slice(span.start, span.end),
      sourceStart: span.start,
      sourceEnd: span.end,
      quoteExact: text.slice(span.start, span.end),
      quotePrefix: text.slice(Math.max(0, span.start - 32), span.start),
      quoteSuffix: text.slice(span.end, span.end + 32),
      score: random(),
      reasons: JSON.stringify(["names a number", "cites an agency"]),
      position: i,
      state: "reviewed",
    })),
  });
  await db.review.createMany({
    data: spans.flatMap((_, i) =>
      reviewers.map((reviewerId, r) => ({
        id: `${id(i)}r${r}`,
        claimId: id(i),
        reviewerId,
        verdict: VERDICTS[(i + r) % VERDICTS.length]!,
        confidence: "medium",
        note: `Checked against the **annual report** (table ${i % 40}); see the [sources](https://data.example/reports/${i}) below. Reviewer ${r + 1}.`,
      })),
    ),
  });
  await db.source.createMany({ data: spans.map((_, i) => ({ id: `${id(i)}s`, url: `https://data.example/b${count}/${i}`, normalizedUrl: `https://data.example/b${count}/${i}`, title: `Annual report ${i}` })) });
  await db.citation.createMany({
    data: spans.flatMap((_, i) => [
      { reviewId: `${id(i)}r0`, sourceId: `${id(i)}s`, stance: "supports", excerpt: `Row ${i} of the report.`, position: 0 },
      { reviewId: `${id(i)}r0`, sourceId: `${id(i)}s`, stance: "context", excerpt: "", position: 1 },
      { reviewId: `${id(i)}r1`, sourceId: `${id(i)}s`, stance: "refutes", excerpt: `Contrary figure ${i}.`, position: 0 },
    ]),
  });
  return { slug, claimIds: spans.map((_, i) => id(i)) };
}
