import type { Viewer } from "@/lib/auth/policy";
import { importArticle } from "@/lib/articles/import-article";
import type { Database } from "@/lib/db/create-database";
import type { Role } from "@/lib/domain/vocabulary";
import { addCitation } from "@/lib/review/add-citation";
import { approveClaim } from "@/lib/review/approve-claim";
import { saveReview } from "@/lib/review/save-review";

/** The statistic every test article repeats (the seed article's sentence, as the e2e spec has it), and the earlier review of it. */
export const EARLIER = `# Sheriffs and the 287(g) program

Between 2017 and 2021, the number of participating law enforcement departments increased from 36 to 149, yielding significant progress in keeping Americans safe.

The county jail held 412 people on an average night last year.
`;

export const REPEATS = `# A second look at local immigration enforcement

The number of participating law enforcement departments increased from 36 to 149 between 2017 and 2021.

Sheriffs in two states ended their contracts after taking office.
`;

export const CHANGED_NUMBER = `# A third story with a different count

Between 2017 and 2021, the number of participating law enforcement departments increased from 36 to 150.
`;

export const NOTE = "Matches ICE's own **FY 2020** figures. <img src=x onerror=alert(1)>";
export const SOURCE = { url: "https://www.ice.gov/identify-and-arrest/287g", title: "Delegation of Immigration Authority Section 287(g)", publisher: "ICE" };

export async function person(db: Database, email: string, name: string, role: Role): Promise<NonNullable<Viewer>> {
  const user = await db.user.create({ data: { email, name, role } });
  return { id: user.id, email: user.email, name: user.name, role };
}

let imports = 0;

/** Imports an article through the real import path, so lib/matching's on-import hook runs. */
export async function importText(db: Database, text: string) {
  const { articleId, slug } = await importArticle(db, { text, fileName: `story-${++imports}.md` });
  const claims = await db.claim.findMany({ where: { articleId }, orderBy: { position: "asc" }, select: { id: true, text: true } });
  const statistic = claims.find((c) => c.text.includes("36 to 1"));
  if (!statistic) throw new Error(`the extractor found no statistic in: ${claims.map((c) => c.text).join(" | ")}`);
  return { articleId, slug, claims, statistic };
}

/** The earlier article with an approved, cited verdict on its statistic (reviewed and approved through the verbs). */
export async function checkedEarlier(db: Database, reviewer: NonNullable<Viewer>, editor: NonNullable<Viewer>) {
  const earlier = await importText(db, EARLIER);
  const review = await saveReview(db, { viewer: reviewer, claimId: earlier.statistic.id, verdict: "accurate", confidence: "high", note: NOTE, expectedVersion: null });
  await addCitation(db, { viewer: reviewer, claimId: earlier.statistic.id, ...SOURCE, stance: "supports", excerpt: "149 agencies in 21 states", accessedOn: "2021-01-15" });
  await approveClaim(db, { viewer: editor, claimId: earlier.statistic.id, reviewId: review.id });
  return { ...earlier, reviewId: review.id };
}
