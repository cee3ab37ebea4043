import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importArticle } from "@/lib/articles/import-article";
import type { Viewer } from "@/lib/auth/policy";
import type { Role } from "@/lib/domain/vocabulary";
import { AppError } from "@/lib/errors";
import { addCitation } from "@/lib/review/add-citation";
import { approveClaim } from "@/lib/review/approve-claim";
import { reopenClaim } from "@/lib/review/reopen-claim";
import { saveReview } from "@/lib/review/save-review";
import { updateCitation } from "@/lib/review/update-citation";
import { tempDatabase } from "../../support/temp-database";

/**
 * Issue 11, finding 7: a Source cited by an approved verdict is shared with every other citation of
 * the same page, so a reviewer's citation on an open claim must not be a side door to rewriting what
 * the published verdict shows. Only an editor may change it, and that change is audited.
 */

const ARTICLE = `# Harbor City budget

The council approved a $412 million budget on Tuesday. Spending on parks rose 12% in 2024.
`;

const MINUTES = "https://harborcity.gov/minutes/2024-06-04";
const LOCKED_MESSAGE = "This source is cited by an approved verdict; ask an editor to change its title or publisher.";

let t: ReturnType<typeof tempDatabase>;
let rita: NonNullable<Viewer>;
let omar: NonNullable<Viewer>;
let eden: NonNullable<Viewer>;
let articles = 0;

async function person(email: string, name: string, role: Role): Promise<NonNullable<Viewer>> {
  const user = await t.db.user.create({ data: { email, name, role } });
  return { id: user.id, email: user.email, name: user.name, role };
}

/** An article whose first claim is approved citing `url`; returns the article's other, open claim. */
async function approvedVerdictCiting(url: string, source: { title?: string; publisher?: string }) {
  const { articleId } = await importArticle(t.db, { text: ARTICLE, fileName: `harbor-lock-${++articles}.md` });
  const [approved, open] = await t.db.claim.findMany({ where: { articleId }, orderBy: { position: "asc" } });
  const cited = await addCitation(t.db, { viewer: rita, claimId: approved!.id, url, ...source, stance: "supports" });
  await saveReview(t.db, { viewer: rita, claimId: approved!.id, verdict: "accurate", confidence: "high", note: "Matches the minutes.", expectedVersion: 1 });
  await approveClaim(t.db, { viewer: eden, claimId: approved!.id, reviewId: cited.reviewId });
  return { approved: approved!, open: open!, sourceId: cited.sourceId };
}

const sourceOf = (id: string) => t.db.source.findUniqueOrThrow({ where: { id }, select: { title: true, publisher: true, publishedOn: true } });

beforeAll(async () => {
  t = tempDatabase();
  rita = await person("rita@example.org", "Rita Reviewer", "reviewer");
  omar = await person("omar@example.org", "Omar Other", "reviewer");
  eden = await person("eden@example.org", "Eden Editor", "editor");
});
afterAll(async () => {
  await t.dispose();
});

describe("a source cited by an approved verdict", () => {
  it("keeps its title and publisher when a reviewer cites the same page on an open claim, and says so", async () => {
    const { open, sourceId } = await approvedVerdictCiting(MINUTES, { title: "Council minutes, June 4" });
    const added = await addCitation(t.db, {
      viewer: omar,
      claimId: open.id,
      url: `${MINUTES}/?utm_source=side-door`,
      title: "Council admits budget was a lie",
      publisher: "Totally Real News",
      publishedOn: "2020-01-01",
      stance: "refutes",
    });
    expect(added.sourceId).toBe(sourceId);
    expect(added).toMatchObject({ title: "Council minutes, June 4", publisher: null, publishedOn: null });
    expect(added.notice).toMatch(/cited by an approved verdict/);
    // Not even the fields it lacked: the published verdict shows this source as it was approved.
    expect(await sourceOf(sourceId)).toEqual({ title: "Council minutes, June 4", publisher: null, publishedOn: null });
  });

  it("refuses a reviewer's edit that would rewrite it, changing nothing", async () => {
    const { open, sourceId } = await approvedVerdictCiting(`${MINUTES}-b`, { title: "Council minutes", publisher: "Harbor City" });
    const mine = await addCitation(t.db, { viewer: omar, claimId: open.id, url: `${MINUTES}-b`, stance: "supports" });
    expect(mine.notice).toBeUndefined();

    const error = await updateCitation(t.db, { viewer: omar, citationId: mine.id, url: `${MINUTES}-b`, title: "Rewritten", publisher: "Harbor City", stance: "refutes" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "FORBIDDEN", message: LOCKED_MESSAGE });
    expect(await sourceOf(sourceId)).toEqual({ title: "Council minutes", publisher: "Harbor City", publishedOn: null });
    expect(await t.db.citation.findUniqueOrThrow({ where: { id: mine.id }, select: { stance: true } })).toEqual({ stance: "supports" });

    // Filling a blank date is a change too.
    const dated = await updateCitation(t.db, { viewer: omar, citationId: mine.id, url: `${MINUTES}-b`, publishedOn: "2024-06-04", stance: "refutes" }).catch((e: unknown) => e);
    expect(dated).toMatchObject({ code: "FORBIDDEN" });

    // The citation's own fields stay the reviewer's to edit, with the source's as they are.
    const restanced = await updateCitation(t.db, { viewer: omar, citationId: mine.id, url: `${MINUTES}-b`, title: "Council minutes", publisher: "Harbor City", stance: "refutes", excerpt: "Adopted 6-3." });
    expect(restanced).toMatchObject({ stance: "refutes", excerpt: "Adopted 6-3.", title: "Council minutes" });
    expect(await t.db.auditEvent.count({ where: { action: "source.correct" } })).toBe(0);
  });

  it("refuses a reviewer moving a citation onto it with other metadata", async () => {
    const { open, sourceId } = await approvedVerdictCiting(`${MINUTES}-c`, { title: "Council minutes C" });
    const mine = await addCitation(t.db, { viewer: omar, claimId: open.id, url: "https://example.org/elsewhere", stance: "supports" });
    const error = await updateCitation(t.db, { viewer: omar, citationId: mine.id, url: `${MINUTES}-c`, title: "Something else", stance: "supports" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "FORBIDDEN", message: LOCKED_MESSAGE });
    expect((await sourceOf(sourceId)).title).toBe("Council minutes C");
  });

  it("lets an editor correct it, audited with before and after", async () => {
    const { open, sourceId } = await approvedVerdictCiting(`${MINUTES}-d`, { title: "Council minuts", publisher: "Harbor City" });
    const mine = await addCitation(t.db, { viewer: omar, claimId: open.id, url: `${MINUTES}-d`, stance: "supports" });
    const corrected = await updateCitation(t.db, { viewer: eden, citationId: mine.id, url: `${MINUTES}-d`, title: "Council minutes", publisher: "Harbor City", stance: "supports" });
    expect(corrected.title).toBe("Council minutes");
    expect((await sourceOf(sourceId)).title).toBe("Council minutes");

    const events = await t.db.auditEvent.findMany({ where: { action: "source.correct", actorId: eden.id } });
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]!.before!)).toMatchObject({ claimId: open.id, sourceId, title: "Council minuts", publisher: "Harbor City" });
    expect(JSON.parse(events[0]!.after!)).toMatchObject({ claimId: open.id, sourceId, title: "Council minutes", publisher: "Harbor City" });
    expect(events[0]!.articleId).toBe(open.articleId);
  });

  it("is a reviewer's to correct again once the verdict is reopened", async () => {
    const { approved, open, sourceId } = await approvedVerdictCiting(`${MINUTES}-e`, { title: "Minutes E" });
    await reopenClaim(t.db, { viewer: eden, claimId: approved.id, reason: "New minutes were published." });
    const mine = await addCitation(t.db, { viewer: omar, claimId: open.id, url: `${MINUTES}-e`, publisher: "Harbor City", stance: "supports" });
    expect(mine.notice).toBeUndefined();
    await updateCitation(t.db, { viewer: omar, citationId: mine.id, url: `${MINUTES}-e`, title: "Minutes E, corrected", publisher: "Harbor City", stance: "supports" });
    expect(await sourceOf(sourceId)).toMatchObject({ title: "Minutes E, corrected", publisher: "Harbor City" });
  });
});
