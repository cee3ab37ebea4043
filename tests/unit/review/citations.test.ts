import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importArticle } from "@/lib/articles/import-article";
import type { Viewer } from "@/lib/auth/policy";
import { HTTP_URL_MESSAGE } from "@/lib/domain/http-url";
import type { Role } from "@/lib/domain/vocabulary";
import { AppError, toAppError } from "@/lib/errors";
import { addCitation } from "@/lib/review/add-citation";
import { removeCitation } from "@/lib/review/remove-citation";
import { AddCitationInput, todayIsoDate } from "@/lib/review/schemas";
import { suggestSources } from "@/lib/review/suggest-sources";
import { updateCitation } from "@/lib/review/update-citation";
import { tempDatabase } from "../../support/temp-database";

const ARTICLE = `# Harbor City budget

The council approved a $412 million budget on Tuesday. Spending on parks rose 12% in 2024.
`;

let t: ReturnType<typeof tempDatabase>;
let rita: NonNullable<Viewer>;
let omar: NonNullable<Viewer>;
let articles = 0;

async function person(email: string, name: string, role: Role): Promise<NonNullable<Viewer>> {
  const user = await t.db.user.create({ data: { email, name, role } });
  return { id: user.id, email: user.email, name: user.name, role };
}

async function seedClaims() {
  const { articleId } = await importArticle(t.db, { text: ARTICLE, fileName: `harbor-${++articles}.md` });
  return t.db.claim.findMany({ where: { articleId }, orderBy: { position: "asc" } });
}

beforeAll(async () => {
  t = tempDatabase();
  rita = await person("rita@example.org", "Rita Reviewer", "reviewer");
  omar = await person("omar@example.org", "Omar Other", "reviewer");
});
afterAll(async () => {
  await t.dispose();
});

describe("the citation schema", () => {
  const base = { claimId: "c1", url: "https://example.org/minutes", stance: "supports" as const };

  it.each(["javascript:alert(1)", " JavaScript:alert(document.cookie)", "data:text/html,<script>alert(1)</script>", "ftp://example.org/file"])(
    "refuses %s as a source URL",
    (url) => {
      const result = AddCitationInput.safeParse({ ...base, url });
      expect(result.success).toBe(false);
      expect(toAppError(result.error).fieldErrors.url).toEqual([HTTP_URL_MESSAGE]);
    },
  );

  it("refuses a javascript: archive URL and an address that is not absolute", () => {
    const archive = AddCitationInput.safeParse({ ...base, archiveUrl: "javascript:alert(1)" });
    expect(toAppError(archive.error).fieldErrors.archiveUrl).toEqual([HTTP_URL_MESSAGE]);
    const relative = AddCitationInput.safeParse({ ...base, url: "example.org/minutes" });
    expect(toAppError(relative.error).fieldErrors.url?.[0]).toMatch(/full web address/);
  });

  it("reads blank form fields as not given and dates the access today", () => {
    const parsed = AddCitationInput.parse({ ...base, title: "  ", publisher: "", publishedOn: "", accessedOn: "", archiveUrl: "", excerpt: "" });
    expect(parsed).toMatchObject({ title: undefined, publisher: undefined, publishedOn: undefined, archiveUrl: undefined, accessedOn: todayIsoDate() });
    expect(todayIsoDate(new Date(2024, 1, 9))).toBe("2024-02-09");
  });

  it("refuses impossible dates and over-long excerpts", () => {
    const result = AddCitationInput.safeParse({ ...base, publishedOn: "2024-02-30", accessedOn: "yesterday", excerpt: "x".repeat(5_001) });
    const fields = toAppError(result.error).fieldErrors;
    expect(fields.publishedOn).toEqual(["That publication date does not exist"]);
    expect(fields.accessedOn?.[0]).toMatch(/YYYY-MM-DD/);
    expect(fields.excerpt?.[0]).toMatch(/5,000/);
  });
});

describe("citations", () => {
  it("refuses a javascript: URL at the verb too, writing nothing", async () => {
    const [claim] = await seedClaims();
    const error = await addCitation(t.db, { viewer: rita, claimId: claim!.id, url: "javascript:alert(1)", stance: "supports" }).catch(toAppError);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("INVALID");
    expect((error as AppError).message).toContain(HTTP_URL_MESSAGE);
    expect(await t.db.review.count({ where: { claimId: claim!.id } })).toBe(0);
    expect(await t.db.source.count({ where: { url: { startsWith: "javascript" } } })).toBe(0);
  });

  it("creates an empty review first when the viewer has none, and audits both", async () => {
    const [claim] = await seedClaims();
    const citation = await addCitation(t.db, {
      viewer: rita,
      claimId: claim!.id,
      url: "https://harborcity.gov/minutes/2024-06-04",
      title: "Council minutes, June 4",
      excerpt: "Motion to adopt the $412 million budget carried 6-3.",
      stance: "supports",
      accessedOn: "2024-06-10",
    });
    expect(citation).toMatchObject({ url: "https://harborcity.gov/minutes/2024-06-04", title: "Council minutes, June 4", stance: "supports", accessedOn: "2024-06-10", archiveUrl: null, position: 0 });
    const review = await t.db.review.findUniqueOrThrow({ where: { id: citation.reviewId } });
    expect(review).toMatchObject({ reviewerId: rita.id, claimId: claim!.id, version: 1, verdict: null, note: "" });
    expect((await t.db.claim.findUniqueOrThrow({ where: { id: claim!.id } })).state).toBe("in_review");

    const second = await addCitation(t.db, { viewer: rita, claimId: claim!.id, url: "https://example.org/analysis", stance: "context" });
    expect(second).toMatchObject({ reviewId: review.id, position: 1, accessedOn: todayIsoDate() });
    expect((await t.db.review.findUniqueOrThrow({ where: { id: review.id } })).version).toBe(1);

    const events = await t.db.auditEvent.findMany({ where: { articleId: claim!.articleId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(events.map((e) => e.action)).toEqual(["article.import", "review.save", "citation.add", "citation.add"]);
    expect(JSON.parse(events[2]!.after!)).toMatchObject({ claimId: claim!.id, url: citation.url, excerpt: citation.excerpt });
  });

  it("shares one source per normalised URL, filling missing metadata without replacing it", async () => {
    const [first, second] = await seedClaims();
    const a = await addCitation(t.db, { viewer: rita, claimId: first!.id, url: "https://News.example.com/parks/?utm_source=x#top", stance: "supports" });
    const b = await addCitation(t.db, { viewer: omar, claimId: second!.id, url: "https://news.example.com:443/parks", title: "Parks spending up 12%", publisher: "The Example", stance: "refutes" });
    const c = await addCitation(t.db, { viewer: omar, claimId: first!.id, url: "https://news.example.com/parks?fbclid=abc", title: "A different title", stance: "context" });
    expect(new Set([a.sourceId, b.sourceId, c.sourceId]).size).toBe(1);
    const source = await t.db.source.findUniqueOrThrow({ where: { id: a.sourceId } });
    expect(source).toMatchObject({ normalizedUrl: "https://news.example.com/parks", url: "https://News.example.com/parks/?utm_source=x#top", title: "Parks spending up 12%", publisher: "The Example" });
  });

  it("updates and removes only the viewer's own citations", async () => {
    const [claim] = await seedClaims();
    const mine = await addCitation(t.db, { viewer: rita, claimId: claim!.id, url: "https://example.org/budget-2024", title: "Budget 2024", stance: "supports" });

    const forbidden = await updateCitation(t.db, { viewer: omar, citationId: mine.id, url: mine.url, stance: "refutes" }).catch((e: unknown) => e);
    expect((forbidden as AppError).code).toBe("FORBIDDEN");
    expect((await removeCitation(t.db, { viewer: omar, citationId: mine.id }).catch((e: unknown) => e)) as AppError).toMatchObject({ code: "FORBIDDEN" });

    const moved = await updateCitation(t.db, {
      viewer: rita,
      citationId: mine.id,
      url: "https://example.org/budget-2024-final",
      title: "Final budget 2024",
      stance: "refutes",
      excerpt: "Total: $409 million.",
      archiveUrl: "https://web.archive.org/web/2024/https://example.org/budget-2024-final",
    });
    expect(moved).toMatchObject({ id: mine.id, url: "https://example.org/budget-2024-final", title: "Final budget 2024", stance: "refutes", excerpt: "Total: $409 million." });
    expect(moved.sourceId).not.toBe(mine.sourceId);

    await removeCitation(t.db, { viewer: rita, citationId: mine.id });
    expect(await t.db.citation.count({ where: { id: mine.id } })).toBe(0);
    expect(await t.db.source.count({ where: { id: { in: [mine.sourceId, moved.sourceId] } } })).toBe(2);
    const trail = await t.db.auditEvent.findMany({ where: { entityType: "citation", entityId: mine.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(trail.map((e) => e.action)).toEqual(["citation.add", "citation.update", "citation.remove"]);
    expect(JSON.parse(trail[2]!.before!)).toMatchObject({ claimId: claim!.id, url: "https://example.org/budget-2024-final" });
  });

  it("suggests sources by URL or title, case-insensitively, most cited first", async () => {
    const [claim, other] = await seedClaims();
    await addCitation(t.db, { viewer: rita, claimId: claim!.id, url: "https://stats.example.net/Transit", title: "Transit ridership tables", stance: "context" });
    await addCitation(t.db, { viewer: rita, claimId: claim!.id, url: "https://blog.example.net/transit-take", title: "A take on TRANSIT", stance: "context" });
    await addCitation(t.db, { viewer: omar, claimId: other!.id, url: "https://blog.example.net/transit-take", stance: "refutes" });

    const found = await suggestSources(t.db, { query: "transit", limit: 5 });
    expect(found.map((s) => s.url)).toEqual(["https://blog.example.net/transit-take", "https://stats.example.net/Transit"]);
    expect(found[0]).toMatchObject({ title: "A take on TRANSIT", citationCount: 2 });
    expect(await suggestSources(t.db, { query: "RIDERSHIP" })).toHaveLength(1);
    expect(await suggestSources(t.db, { query: "nothing-like-this" })).toEqual([]);
  });
});
