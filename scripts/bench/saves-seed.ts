/**
 * The data of `npm run bench:saves`: an article of about 50,000 words with 2,000 claims, each with
 * two earlier reviews (notes in Markdown, three citations), and fifty reviewer accounts, each with
 * a signed-in session: a Session row and the JWT cookie Auth.js would have set at sign-in, signed
 * with the server's AUTH_SECRET. Written with createMany, not through the verbs: the benchmark
 * measures saves, not seeding.
 */
import { encode } from "next-auth/jwt";
import { openSession } from "@/lib/auth/sessions";
import type { Database } from "@/lib/db/create-database";
import { mulberry32 } from "./next-server";

/** Auth.js's session cookie on plain http (a secure origin would add the __Secure- prefix). */
export const SESSION_COOKIE = "authjs.session-token";
export const BENCH_SLUG = "bench-saves";

/** `sessionToken` is what the JWT carries; only the floor uses it bare. */
export type BenchReviewer = { id: string; email: string; name: string; cookie: string; sessionToken: string };
export type SeededSaves = { slug: string; claimIds: string[]; reviewers: BenchReviewer[] };

/**
 * Seeds the article (once: a database that has it already keeps it) and the reviewers, and opens a
 * fresh session for each reviewer on every call.
 */
export async function seedSaves(db: Database, options: { claims: number; words: number; reviewers: number; secret: string }): Promise<SeededSaves> {
  const existing = await db.article.findUnique({ where: { slug: BENCH_SLUG }, select: { id: true } });
  if (!existing) await seedArticle(db, options.claims, options.words);
  const claims = await db.claim.findMany({ where: { article: { slug: BENCH_SLUG } }, orderBy: { position: "asc" }, select: { id: true } });
  const reviewers: BenchReviewer[] = [];
  for (let i = 0; i < options.reviewers; i++) {
    const email = `bench-saver-${i}@claimdesk.test`;
    const user = await db.user.upsert({ where: { email }, update: {}, create: { email, name: `Saver ${i}`, role: "reviewer" }, select: { id: true, email: true, name: true } });
    const { sessionToken } = await openSession(db, { userId: user.id });
    // What the jwt callback of lib/auth/config.ts returns at sign-in: who, and which Session row.
    const jwt = await encode({ token: { name: user.name, email: user.email, sub: user.id, sid: sessionToken }, secret: options.secret, salt: SESSION_COOKIE });
    reviewers.push({ id: user.id, email: user.email, name: user.name ?? email, cookie: `${SESSION_COOKIE}=${jwt}`, sessionToken });
  }
  return { slug: BENCH_SLUG, claimIds: claims.map((c) => c.id), reviewers };
}

const VOCABULARY =
  "the county sheriff program agency officers report increase arrests detention federal local state policy budget immigration enforcement crime rate percent residents officials data record annual department court order funding community safety year".split(
    " ",
  );
const KINDS = ["statistic", "program_rule", "policy_assertion", "factual"];
const VERDICTS = ["accurate", "mostly_accurate", "missing_context", "misleading", "false", "unsupported", "opinion"];

async function seedArticle(db: Database, count: number, words: number): Promise<void> {
  const random = mulberry32(count);
  let text = "# Benchmark article\n\n";
  const spans: { start: number; end: number; sentence: string }[] = [];
  for (let i = 0, n = 0; n < words || spans.length < count; i++) {
    if (i % 50 === 0 && i > 0) text += `## Section ${i / 50}\n\n`;
    const picked = Array.from({ length: 14 + Math.floor(random() * 12) }, () => VOCABULARY[Math.floor(random() * VOCABULARY.length)]!);
    picked.splice(3, 0, String(Math.floor(random() * 9000) + 100));
    n += picked.length;
    const sentence = picked.join(" ");
    const start = text.length;
    text += sentence[0]!.toUpperCase() + sentence.slice(1) + ".";
    if (spans.length < count && i % 6 !== 5) spans.push({ start, end: text.length, sentence: text.slice(start) });
    text += i % 5 === 4 ? "\n\n" : " ";
  }
  const others = await Promise.all(
    ["a", "b"].map((x) =>
      db.user.upsert({ where: { email: `bench-earlier-${x}@claimdesk.test` }, update: {}, create: { email: `bench-earlier-${x}@claimdesk.test`, name: `Earlier ${x}`, role: "reviewer" }, select: { id: true } }),
    ),
  );
  const article = await db.article.create({ data: { slug: BENCH_SLUG, title: `Benchmark article (${count} claims)`, status: "in_review" }, select: { id: true } });
  const revision = await db.revision.create({ data: { articleId: article.id, number: 1, text, sourceFormat: "markdown", contentHash: BENCH_SLUG }, select: { id: true } });
  const id = (i: number) => `bs${i}`;
  await db.claim.createMany({
    data: spans.map((span, i) => ({
      id: id(i),
      articleId: article.id,
      revisionId: revision.id,
      kind: KINDS[i % KINDS.length]!,
      text: span.sentence,
      sourceStart: span.start,
      sourceEnd: span.end,
      quoteExact: span.sentence,
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
      others.map((reviewer, r) => ({
        id: `${id(i)}r${r}`,
        claimId: id(i),
        reviewerId: reviewer.id,
        verdict: VERDICTS[(i + r) % VERDICTS.length]!,
        confidence: "medium",
        note: `Checked against the **annual report** (table ${i % 40}); see the [sources](https://data.example/reports/${i}) below. Reviewer ${r + 1}.`,
      })),
    ),
  });
  await db.source.createMany({ data: spans.map((_, i) => ({ id: `${id(i)}s`, url: `https://data.example/saves/${i}`, normalizedUrl: `https://data.example/saves/${i}`, title: `Annual report ${i}` })) });
  await db.citation.createMany({
    data: spans.flatMap((_, i) => [
      { reviewId: `${id(i)}r0`, sourceId: `${id(i)}s`, stance: "supports", excerpt: `Row ${i} of the report.`, position: 0 },
      { reviewId: `${id(i)}r0`, sourceId: `${id(i)}s`, stance: "context", excerpt: "", position: 1 },
      { reviewId: `${id(i)}r1`, sourceId: `${id(i)}s`, stance: "refutes", excerpt: `Contrary figure ${i}.`, position: 0 },
    ]),
  });
}
