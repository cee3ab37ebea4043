import { afterAll, beforeAll } from "vitest";
import { importArticle } from "@/lib/articles/import-article";
import type { Database } from "@/lib/db/create-database";
import { loadArticleExport } from "@/lib/export/load-article-export";
import type { ArticleExport } from "@/lib/export/types";
import { normalizeUrl } from "@/lib/review/normalize-url";
import { tempDatabase } from "../../support/temp-database";

/**
 * A small fact-checked article for the export tests: three people, an imported revision, a manual
 * claim whose text has quotes and a line break, reviews with notes (one trying to inject HTML),
 * citations sharing a source, four approvals, a pending review and a dismissed claim.
 */
export const FIXTURE_SLUG = "harbor-budget";

export const FIXTURE_MARKDOWN = `---
title: "Harbor City budget, \\"by the numbers\\""
publisher: Harbor Gazette
author: Dana Reyes
url: https://gazette.example/harbor-budget
date: 2024-03-05
---

# Harbor City budget, "by the numbers"

The city spent $4.2 million on road repairs in 2023, up from $3.1 million in 2022.
The mayor said the program "cut response times in half" across
every district.

Under the new rules, residents are:

- required to register boats longer than 16 feet, with a fee of $45;
- allowed to park, "for up to 48 hours", on harbor streets.

Council member Jo Lee said the harbor plan has made the waterfront safer.
`;

export const MANUAL_CLAIM_TEXT = 'The mayor said the program "cut response times in half" across\nevery district.';

export const SOURCES = {
  budget: { url: "https://harbor.example/budget-2023.pdf?utm_source=mail", title: "Adopted budget 2023, \"roads\" chapter", publisher: "Harbor City" },
  budget2022: { url: "https://harbor.example/budget-2022.pdf", title: "Adopted budget 2022", publisher: "Harbor City" },
  ordinance: { url: "https://harbor.example/ordinances/boats", title: "Boat registration ordinance", publisher: "City Council" },
  signage: { url: "https://harbor.example/parking?zone=harbor&hours=24", title: "Harbor parking signs, <photos>", publisher: null },
  pending: { url: "https://blog.example/waterfront-opinion", title: "Unapproved blog post", publisher: null },
} as const;

export type Fixture = Awaited<ReturnType<typeof buildFixture>>;

export async function buildFixture(db: Database) {
  const editor = await db.user.create({ data: { email: "eve@desk.example", name: "Eve Editor", role: "editor", passwordHash: "scrypt$secret-hash" } });
  const ann = await db.user.create({ data: { email: "ann@desk.example", name: "Ann Reviewer", role: "reviewer", passwordHash: "scrypt$another" } });
  const bo = await db.user.create({ data: { email: "bo@desk.example", name: null, role: "reviewer" } });

  await importArticle(db, { text: FIXTURE_MARKDOWN, fileName: `${FIXTURE_SLUG}.md`, actorId: editor.id });
  const article = await db.article.findUniqueOrThrow({ where: { slug: FIXTURE_SLUG }, include: { revisions: true } });
  const revision = article.revisions[0]!;
  const claims = await db.claim.findMany({ where: { articleId: article.id }, orderBy: { position: "asc" } });
  const find = (part: string) => {
    const claim = claims.find((c) => c.text.includes(part));
    if (!claim) throw new Error(`fixture: no claim with "${part}" (the extractor changed?)`);
    return claim;
  };
  const spending = find("$4.2 million");
  const leadIn = find("Under the new rules");
  const boats = find("register boats");
  const parking = find("48 hours");
  const safer = find("made the waterfront safer");

  const start = revision.text.indexOf(MANUAL_CLAIM_TEXT);
  const manual = await db.claim.create({
    data: {
      articleId: article.id,
      revisionId: revision.id,
      kind: "factual",
      text: MANUAL_CLAIM_TEXT,
      sourceStart: start,
      sourceEnd: start + MANUAL_CLAIM_TEXT.length,
      quoteExact: MANUAL_CLAIM_TEXT,
      quotePrefix: revision.text.slice(Math.max(0, start - 32), start),
      quoteSuffix: revision.text.slice(start + MANUAL_CLAIM_TEXT.length, start + MANUAL_CLAIM_TEXT.length + 32),
      textStart: null,
      textEnd: null,
      score: 0.5,
      origin: "manual",
      state: "open",
      position: spending.position,
    },
  });
  await db.claim.update({ where: { id: leadIn.id }, data: { state: "dismissed", dismissReason: "a lead-in, not a claim" } });

  const sources: Record<keyof typeof SOURCES, { id: string }> = {} as never;
  for (const [key, s] of Object.entries(SOURCES) as [keyof typeof SOURCES, (typeof SOURCES)[keyof typeof SOURCES]][]) {
    sources[key] = await db.source.create({ data: { url: s.url, normalizedUrl: normalizeUrl(s.url), title: s.title, publisher: s.publisher } });
  }

  const review = async (
    claimId: string,
    reviewerId: string,
    verdict: string,
    note: string,
    cites: { source: keyof typeof SOURCES; stance: string; excerpt?: string }[] = [],
  ) => {
    const r = await db.review.create({ data: { claimId, reviewerId, verdict, confidence: "high", note } });
    for (const [position, c] of cites.entries()) {
      await db.citation.create({
        data: { reviewId: r.id, sourceId: sources[c.source].id, stance: c.stance, excerpt: c.excerpt ?? "", accessedOn: "2024-03-06", position },
      });
    }
    await db.auditEvent.create({
      data: { actorId: reviewerId, action: "review.save", entityType: "review", entityId: r.id, articleId: article.id, after: JSON.stringify({ claimId, verdict, note }) },
    });
    return r;
  };
  const approve = async (claimId: string, reviewId: string) => {
    await db.claim.update({ where: { id: claimId }, data: { state: "approved", approvedReviewId: reviewId, approvedById: editor.id, approvedAt: new Date() } });
    await db.auditEvent.create({
      data: { actorId: editor.id, action: "claim.approve", entityType: "claim", entityId: claimId, articleId: article.id, before: '{"state":"reviewed"}', after: JSON.stringify({ state: "approved", approvedReviewId: reviewId }) },
    });
  };

  const spendingByAnn = await review(spending.id, ann.id, "accurate", "The adopted budget shows **$4.2 million**, and 2022's shows $3.1 million.", [
    { source: "budget", stance: "supports", excerpt: 'Road repairs, "all districts": $4,200,000' },
    { source: "budget2022", stance: "supports" },
  ]);
  await review(spending.id, bo.id, "mostly_accurate", "Close; the 2022 figure was amended.");
  await approve(spending.id, spendingByAnn.id);

  const boatsByAnn = await review(boats.id, ann.id, "missing_context", 'Fee applies only to motor boats. <img src=x onerror="alert(1)"> <script>alert(2)</script>', [
    { source: "ordinance", stance: "context", excerpt: "Section 4(b): motor vessels only" },
  ]);
  await approve(boats.id, boatsByAnn.id);

  const parkingByBo = await review(parking.id, bo.id, "false", 'Signs say 24 hours, "not 48", since May.', [{ source: "signage", stance: "refutes" }]);
  await approve(parking.id, parkingByBo.id);

  const manualByAnn = await review(manual.id, ann.id, "unsupported", "No response-time data is published.", [{ source: "budget", stance: "context" }]);
  await approve(manual.id, manualByAnn.id);

  await review(safer.id, bo.id, "opinion", "A judgement, not checkable.", [{ source: "pending", stance: "context" }]);
  await db.claim.update({ where: { id: safer.id }, data: { state: "reviewed", assigneeId: bo.id } });
  await db.article.update({ where: { id: article.id }, data: { status: "published", publishedAt: new Date() } });

  return {
    articleId: article.id,
    users: { editor, ann, bo },
    claims: { spending, leadIn, boats, parking, safer, manual },
    /** What the reports must show: every approved verdict's label, and the sources they cite. */
    approvedVerdictLabels: ["Accurate", "Missing context", "False", "Unsupported"],
    approvedSources: [SOURCES.budget, SOURCES.budget2022, SOURCES.ordinance, SOURCES.signage],
  };
}

/**
 * Builds the fixture article in a throwaway database before the file's tests and loads its export;
 * `set` receives both, and the database is removed after the tests.
 */
export function useExportFixture(set: (loaded: { fixture: Fixture; data: ArticleExport; db: Database }) => void): void {
  let t: ReturnType<typeof tempDatabase>;
  beforeAll(async () => {
    t = tempDatabase();
    const fixture = await buildFixture(t.db);
    set({ fixture, data: await loadArticleExport(t.db, { slug: FIXTURE_SLUG }), db: t.db });
  }, 60_000);
  afterAll(async () => {
    await t.dispose();
  }, 30_000);
}
