import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importArticle } from "@/lib/articles/import-article";
import type { Viewer } from "@/lib/auth/policy";
import { renderArticle } from "@/lib/render/article-html";
import { renderNote, renderNoteOnce } from "@/lib/render/note-html";
import { addCitation } from "@/lib/review/add-citation";
import { BoundedCache } from "@/lib/review/bounded-cache";
import { getClaimDetail } from "@/lib/review/get-claim-detail";
import { getClaimList } from "@/lib/review/get-claim-list";
import { getWorkbench } from "@/lib/review/get-workbench";
import { saveReview } from "@/lib/review/save-review";
import { workbenchArticle } from "@/lib/review/workbench-article";
import { tempDatabase } from "../../support/temp-database";

const ARTICLE = `# Harbor City budget

The council approved a $412 million budget on Tuesday. Spending on parks rose 12% in 2024.

The mayor said the plan **cut waiting times** by half, and the police budget grew from $9.2 million to $10.1 million.
`;

let t: ReturnType<typeof tempDatabase>;
let rita: NonNullable<Viewer>;
let omar: NonNullable<Viewer>;
let ids: string[];

beforeAll(async () => {
  t = tempDatabase();
  const make = async (email: string, name: string) => {
    const u = await t.db.user.create({ data: { email, name, role: "reviewer" } });
    return { id: u.id, email: u.email, name: u.name, role: "reviewer" as const };
  };
  rita = await make("rita@example.org", "Rita");
  omar = await make("omar@example.org", "Omar");
  const { articleId } = await importArticle(t.db, { text: ARTICLE, fileName: "harbor-city.md" });
  ids = (await t.db.claim.findMany({ where: { articleId }, orderBy: { position: "asc" }, select: { id: true } })).map((c) => c.id);
  await saveReview(t.db, { viewer: rita, claimId: ids[0]!, verdict: "accurate", confidence: "high", note: "See the **minutes**.", expectedVersion: null });
  await saveReview(t.db, { viewer: omar, claimId: ids[0]!, verdict: "misleading", confidence: null, note: "", expectedVersion: null });
  await saveReview(t.db, { viewer: omar, claimId: ids[1]!, verdict: null, confidence: null, note: "Looking.", expectedVersion: null });
  await addCitation(t.db, { viewer: omar, claimId: ids[1]!, url: "https://harborcity.gov/parks", stance: "supports" });
});
afterAll(async () => {
  await t.dispose();
});

describe("getClaimList", () => {
  it("gives one compact line per claim in reading order, with every verdict and the viewer's own", async () => {
    const list = await getClaimList(t.db, { viewer: rita, slug: "harbor-city" });
    expect(list!.claims.map((c) => c.id)).toEqual(ids);
    const [first, second] = list!.claims;
    expect(first).toMatchObject({ state: "reviewed", verdicts: ["accurate", "misleading"], myVerdict: "accurate" });
    expect(second).toMatchObject({ state: "in_review", verdicts: [], myVerdict: null });
    // Compact: no reviews, notes or history travel with the list.
    expect(Object.keys(first!).sort()).toEqual(["assigneeId", "id", "kind", "myVerdict", "score", "sourceEnd", "sourceStart", "speaker", "state", "text", "verdicts"]);
    expect(await getClaimList(t.db, { viewer: rita, slug: "nowhere" })).toBeNull();
  });
});

describe("the detail of one claim", () => {
  it("getWorkbench with claimIds loads only those claims, each with its own full history", async () => {
    const all = await getWorkbench(t.db, { viewer: omar, slug: "harbor-city" });
    const one = await getWorkbench(t.db, { viewer: omar, slug: "harbor-city", claimIds: [ids[1]!] });
    expect(one!.claims.map((c) => c.id)).toEqual([ids[1]]);
    const full = all!.claims.find((c) => c.id === ids[1])!;
    expect(one!.claims[0]).toEqual(full);
    expect(full.history.map((h) => h.action)).toEqual(["review.save", "citation.add"]);
  });

  it("getClaimDetail gives the same claim, and NOT_FOUND for an unknown one", async () => {
    const detail = await getClaimDetail(t.db, { viewer: rita, claimId: ids[0]! });
    expect(detail.reviews.map((r) => r.reviewer.name)).toEqual(["Rita", "Omar"]);
    expect(detail.viewerReviewId).toBe(detail.reviews[0]!.id);
    await expect(getClaimDetail(t.db, { viewer: rita, claimId: "no-such-claim" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Addressed through its own article it is found; through another article's address it is not.
    expect((await getClaimDetail(t.db, { viewer: rita, slug: "harbor-city", claimId: ids[0]! })).id).toBe(ids[0]);
    await expect(getClaimDetail(t.db, { viewer: rita, slug: "another-article", claimId: ids[0]! })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("rendered once", () => {
  it("renderNoteOnce gives the tree renderNote gives, the same object for the same text", () => {
    const a = renderNoteOnce("Checked [^1].\n\n[^1]: The **minutes**.");
    expect(a).toEqual(renderNote("Checked [^1].\n\n[^1]: The **minutes**."));
    expect(renderNoteOnce("Checked [^1].\n\n[^1]: The **minutes**.")).toBe(a);
    expect(renderNoteOnce("Other text")).not.toBe(a);
  });

  it("workbenchArticle renders a revision once per set of marks, and again when a mark changes", () => {
    const revision = { id: "rev-test", text: ARTICLE };
    const claims = [{ id: "c1", kind: "statistic", state: "open", sourceStart: ARTICLE.indexOf("The council"), sourceEnd: ARTICLE.indexOf(" Spending") }];
    const tree = workbenchArticle(revision, claims);
    expect(workbenchArticle(revision, claims.map((c) => ({ ...c, state: "reviewed" })))).toBe(tree); // a verdict or state is not part of the tree
    expect(workbenchArticle(revision, [{ ...claims[0]!, kind: "factual" }])).not.toBe(tree);
    expect(JSON.stringify(tree)).toContain('"dataClaimId":"c1"');
  });

  it("workbenchArticle gives a long article in parts of whole blocks that together are the whole tree", () => {
    const paragraph = "The council approved a $412 million budget on Tuesday, after a long debate about parks.";
    const text = Array.from({ length: 1_200 }, (_, i) => `${paragraph} Item ${i}.`).join("\n\n");
    const parts = workbenchArticle({ id: "rev-long", text }, []);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.flatMap((p) => p.children)).toEqual(renderArticle(text, { sourceOffsets: true, claims: [] }).children);
    expect(workbenchArticle({ id: "rev-short", text: ARTICLE }, [])).toHaveLength(1);
  });

  it("BoundedCache keeps the most recently used entries up to its limit", () => {
    const cache = new BoundedCache<number>(2);
    let made = 0;
    const get = (k: string) => cache.get(k, () => ++made);
    get("a");
    get("b");
    get("a"); // a is now the most recent
    get("c"); // evicts b
    expect(cache.size).toBe(2);
    expect(get("a")).toBe(1);
    expect(get("b")).toBe(4);
  });
});
