/**
 * `npx tsx scripts/bench/exports.ts [--claims N]`: seeds an article with N claims (default 2,000),
 * two reviews each with notes and citations, and approvals, into a throwaway SQLite file, then times
 * every export (load + format; once cold, then three times warm) and a restore of the backup into a second fresh file. Target: each
 * export under 2 s. Prints one line per export. `--save-backup FILE` keeps the backup.json, e.g. to
 * try `npm run restore -- FILE`.
 */
import { createHash, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createDatabase, type Database } from "@/lib/db/create-database";
import { migrateDatabase } from "@/lib/db/migrate";
import { VERDICTS } from "@/lib/domain/vocabulary";
import { exportArticle } from "@/lib/export/export-article";
import { EXPORT_FORMATS } from "@/lib/export/render-export";
import { restoreBackup } from "@/lib/export/restore-backup";

const TARGET_MS = 2000;
const RUNS = 3;
const ms = (n: number) => `${n.toFixed(0).padStart(5)} ms`;
const KINDS = ["statistic", "program_rule", "policy_assertion", "factual"] as const;

function freshDatabase(dir: string, name: string): { db: Database; url: string } {
  const url = `file:${path.join(dir, name)}`;
  migrateDatabase(url);
  return { db: createDatabase(url), url };
}

/** Seeds one article of `count` claims; returns its slug. */
async function seed(db: Database, count: number): Promise<string> {
  const slug = "bench-exports";
  const people = await Promise.all(
    ["editor", "reviewer", "reviewer", "reviewer", "reviewer"].map((role, i) =>
      db.user.create({ data: { email: `bench${i}@desk.example`, name: `Bench Person ${i}`, role } }),
    ),
  );
  const [editor, ...reviewers] = people as [(typeof people)[number], ...(typeof people)[number][]];

  // One paragraph per claim, with quotes, commas and a line break in some, like real copy.
  const sentences: string[] = [];
  for (let i = 0; i < count; i++) {
    sentences.push(
      i % 7 === 0
        ? `Officials said spending on "program ${i}" rose ${i % 90}%, to $${(i * 1.7).toFixed(1)} million,\nthe largest rise since ${1990 + (i % 30)}.`
        : `The county reported ${i * 3} cases in district ${i % 40}, up from ${i * 2} the year before.`,
    );
  }
  let text = "# Bench article\n\n";
  const spans: [number, number][] = [];
  for (const s of sentences) {
    spans.push([text.length, text.length + s.length]);
    text += `${s}\n\n`;
  }
  const article = await db.article.create({ data: { slug, title: "Bench article, \"2,000 claims\"", publisher: "Bench Press", status: "in_review" } });
  const revision = await db.revision.create({
    data: { articleId: article.id, number: 1, text, sourceFormat: "markdown", contentHash: createHash("sha256").update(text).digest("hex"), importedById: editor.id },
  });

  const sources = Array.from({ length: 400 }, (_, i) => ({
    id: randomUUID(),
    url: `https://stats.example/tables/${i}?year=2023`,
    normalizedUrl: `https://stats.example/tables/${i}?year=2023`,
    title: `Statistical table ${i}, "annual"`,
    publisher: "Statistics Office",
  }));
  await db.source.createMany({ data: sources });

  const claims = spans.map(([start, end], i) => ({
    id: randomUUID(),
    articleId: article.id,
    revisionId: revision.id,
    kind: KINDS[i % KINDS.length]!,
    text: text.slice(start, end).replace(/\s+/g, " "),
    sourceStart: start,
    sourceEnd: end,
    quoteExact: text.slice(start, end),
    quotePrefix: text.slice(Math.max(0, start - 32), start),
    quoteSuffix: text.slice(end, end + 32),
    score: 0.5 + (i % 50) / 100,
    position: i,
    state: "open",
  }));
  await db.claim.createMany({ data: claims });

  const reviews: { id: string; claimId: string; reviewerId: string; verdict: string; confidence: string; note: string }[] = [];
  const citations: { id: string; reviewId: string; sourceId: string; stance: string; excerpt: string; position: number }[] = [];
  const audit: { actorId: string; action: string; entityType: string; entityId: string; articleId: string; after: string }[] = [];
  claims.forEach((claim, i) => {
    for (let r = 0; r < 2; r++) {
      const reviewer = reviewers[(i + r) % reviewers.length]!;
      const review = {
        id: randomUUID(),
        claimId: claim.id,
        reviewerId: reviewer.id,
        verdict: VERDICTS[(i + r) % VERDICTS.length]!.id,
        confidence: ["low", "medium", "high"][(i + r) % 3]!,
        note: `Checked against table ${i % 400}: the figure is **${i * 3}**, not "${i * 3 + 1}".${i % 11 === 0 ? " <b>Raw HTML</b> here." : ""}`,
      };
      reviews.push(review);
      for (let c = 0; c < 1 + ((i + r) % 2); c++) {
        citations.push({ id: randomUUID(), reviewId: review.id, sourceId: sources[(i + c * 17) % sources.length]!.id, stance: "supports", excerpt: `Row ${i}, column ${c}: ${i * 3}`, position: c });
      }
      audit.push({ actorId: reviewer.id, action: "review.save", entityType: "review", entityId: review.id, articleId: article.id, after: JSON.stringify({ verdict: review.verdict }) });
    }
  });
  await db.review.createMany({ data: reviews });
  await db.citation.createMany({ data: citations });
  await db.auditEvent.createMany({ data: audit });
  // Nine in ten claims approved (the first review), one in ten left for the reviewers.
  await db.$transaction(
    claims
      .filter((_, i) => i % 10 !== 9)
      .map((claim) => {
        const review = reviews.find((r) => r.claimId === claim.id)!;
        return db.claim.update({ where: { id: claim.id }, data: { state: "approved", approvedReviewId: review.id, approvedById: editor.id, approvedAt: new Date() } });
      }),
  );
  return slug;
}

/** Wall-clock time, and this process's CPU time (which a busy shared machine inflates far less). */
async function timed<T>(run: () => Promise<T> | T): Promise<{ ms: number; cpuMs: number; value: T }> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const value = await run();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, value };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { claims: { type: "string", default: "2000" }, "save-backup": { type: "string" } } });
  const count = Number(values.claims);
  if (!Number.isInteger(count) || count < 1) throw new Error("--claims must be a positive whole number");
  const dir = mkdtempSync(path.join(tmpdir(), "claimdesk-bench-"));
  const origin = freshDatabase(dir, "origin.db");
  const target = freshDatabase(dir, "target.db");
  try {
    const seeded = await timed(() => seed(origin.db, count));
    console.log(`seeded ${count} claims, ${count * 2} reviews in ${Math.round(seeded.ms)} ms (${dir})`);

    // Each export runs once cold (the first request after a server start pays for loading and
    // compiling the Markdown toolchain) and then RUNS more times; the verdict is on the median.
    let worst = 0;
    let backupBody = "";
    console.log(`load average ${loadavg().map((n) => n.toFixed(1)).join(" ")} on ${availableParallelism()} CPUs`);
    for (const format of EXPORT_FORMATS) {
      const totals: number[] = [];
      const cpus: number[] = [];
      let last = { bytes: 0 };
      for (let run = 0; run <= RUNS; run++) {
        const render = await timed(() => exportArticle(origin.db, { slug: seeded.value, format, baseUrl: "http://localhost:3000" }));
        totals.push(render.ms);
        cpus.push(render.cpuMs);
        last = { bytes: Buffer.byteLength(render.value.body) };
        if (format === "backup.json") backupBody = render.value.body;
      }
      const [cold, ...warm] = totals as [number, ...number[]];
      const median = warm.sort((a, b) => a - b)[Math.floor(warm.length / 2)]!;
      const cpuMedian = cpus.slice(1).sort((a, b) => a - b)[Math.floor(warm.length / 2)]!;
      worst = Math.max(worst, median);
      console.log(
        `${format.padEnd(19)} cold ${ms(cold)}  warm median ${ms(median)} (cpu ${ms(cpuMedian)})  ${(last.bytes / 1024).toFixed(0).padStart(6)} KiB  ${median < TARGET_MS ? "ok" : "OVER 2 s"}`,
      );
    }
    if (values["save-backup"]) writeFileSync(values["save-backup"], backupBody);
    const restore = await timed(() => restoreBackup(target.db, backupBody));
    console.log(`restore (not an export) ${restore.ms.toFixed(0)} ms: ${restore.value.claims} claims, ${restore.value.reviews} reviews, ${restore.value.citations} citations`);
    console.log(worst < TARGET_MS ? `every export under ${TARGET_MS} ms warm (slowest median ${worst.toFixed(0)} ms)` : `slowest export ${worst.toFixed(0)} ms warm: over the ${TARGET_MS} ms target`);
    if (worst >= TARGET_MS) process.exitCode = 1;
  } finally {
    await origin.db.$disconnect();
    await target.db.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
