import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importArticle } from "@/lib/articles/import-article";
import { can, type Viewer } from "@/lib/auth/policy";
import type { Role } from "@/lib/domain/vocabulary";
import { formatHtmlReport } from "@/lib/export/html-report";
import { loadArticleExport } from "@/lib/export/load-article-export";
import { formatMarkdownReport } from "@/lib/export/markdown-report";
import { explainNumberCheck } from "@/lib/numbers-review/explain-number-check";
import { getNumberChecks } from "@/lib/numbers-review/get-number-checks";
import { checkedClaimOf, EXPLAIN_ACTION, explanationsOf, statedClaims, type CheckRow } from "@/lib/numbers-review/number-checks";
import { ExplainNumberCheckInput } from "@/lib/numbers-review/schemas";
import { dismissClaim } from "@/lib/review/dismiss-claim";
import { getClaimDetail } from "@/lib/review/get-claim-detail";
import { restoreClaim } from "@/lib/review/restore-claim";
import { tempDatabase } from "../../support/temp-database";

// The issue's must-show case: 200 → 300 is +50%, not the 25% the sentence states.
const ARTICLE = `# Harbor ferry riders

Ferry ridership rose from 200 to 300 last year, a 25% increase.

The council approved a $412 million budget on Tuesday.
`;

let t: ReturnType<typeof tempDatabase>;
let rita: NonNullable<Viewer>;
let articles = 0;

async function person(email: string, name: string, role: Role): Promise<NonNullable<Viewer>> {
  const user = await t.db.user.create({ data: { email, name, role } });
  return { id: user.id, email: user.email, name: user.name, role };
}

async function importText(text: string) {
  const { articleId, slug } = await importArticle(t.db, { text, fileName: `ferry-${++articles}.md` });
  return { articleId, slug };
}

async function seed() {
  const { articleId, slug } = await importText(ARTICLE);
  const claims = await t.db.claim.findMany({ where: { articleId }, orderBy: { position: "asc" } });
  const ferry = claims.find((c) => c.text.startsWith("Ferry ridership"));
  if (!ferry) throw new Error("the extractor found no ferry claim");
  return { articleId, slug, claims, ferry };
}

beforeAll(async () => {
  t = tempDatabase();
  rita = await person("rita@example.org", "Rita Reviewer", "reviewer");
});
afterAll(async () => {
  await t.dispose();
});

const row = (over: Partial<CheckRow>): CheckRow => ({ id: "a", revisionId: "r2", text: "", kind: "statistic", position: 0, context: null, quantities: "[]", state: "open", ...over });

describe("the pure part", () => {
  it("checks only the claims the latest text states, in reading order", () => {
    const rows = [
      row({ id: "b", position: 2 }),
      row({ id: "a", position: 1 }),
      row({ id: "gone", position: 0, state: "dismissed" }),
      row({ id: "lost", position: 0, state: "orphaned" }),
      row({ id: "old", position: 0, revisionId: "r1" }),
    ];
    expect(statedClaims(rows, "r2").map((r) => r.id)).toEqual(["a", "b"]);
  });

  it("reads the quantities column, and a malformed one as no quantities", () => {
    const good = checkedClaimOf(row({ quantities: JSON.stringify([{ raw: "25%", value: 0.25, unit: "percent", counted: null, period: null }, { raw: 3 }]) }));
    expect(good.quantities.map((q) => q.raw)).toEqual(["25%"]);
    expect(checkedClaimOf(row({ quantities: "{not json" })).quantities).toEqual([]);
    expect(checkedClaimOf(row({ kind: "no-such-kind" })).kind).toBe("factual");
  });

  it("takes a finding's latest reason as its explanation, and ignores other events", () => {
    const at = (n: number) => `2026-12-01T10:0${n}:00.000Z`;
    const explanations = explanationsOf([
      { action: EXPLAIN_ACTION, after: { findingKey: "k1", reason: "first" }, actorName: "Rita", createdAt: at(1) },
      { action: "claim.dismiss", after: { findingKey: "k1", reason: "not this" }, actorName: "Omar", createdAt: at(2) },
      { action: EXPLAIN_ACTION, after: { findingKey: "k1", reason: "second" }, actorName: "Omar", createdAt: at(3) },
      { action: EXPLAIN_ACTION, after: { findingKey: "k2" }, actorName: "Omar", createdAt: at(4) },
    ]);
    expect(explanations.get("k1")).toEqual({ reason: "second", explainedBy: "Omar", explainedAt: at(3) });
    expect(explanations.has("k2")).toBe(false);
  });

  it("refuses an empty or over-long reason with a message the form shows", () => {
    const empty = ExplainNumberCheckInput.safeParse({ claimId: "c", findingKey: "k", reason: "   " });
    expect(empty.success).toBe(false);
    expect(empty.error?.issues[0]?.message).toBe("Say why the figures are right as they stand");
    const long = ExplainNumberCheckInput.safeParse({ claimId: "c", findingKey: "k", reason: "x".repeat(2001) });
    expect(long.error?.issues[0]?.message).toMatch(/under 2,000 characters/);
    expect(ExplainNumberCheckInput.safeParse({ claimId: "c", findingKey: "k", reason: "x".repeat(2000) }).success).toBe(true);
  });

  it("lets reviewers and up explain a check, and not a reader", () => {
    expect(can(null, "number_check.explain")).toBe(false);
    expect(can({ id: "u", email: "u@x", name: null, role: "reviewer" }, "number_check.explain")).toBe(true);
  });
});

describe("getNumberChecks", () => {
  it("finds the wrong percentage of the latest revision and names its claim", async () => {
    const { articleId, ferry } = await seed();
    const { checks } = await getNumberChecks(t.db, { articleId });
    const check = checks.find((c) => c.claimIds.includes(ferry.id));
    expect(check, JSON.stringify(checks)).toBeDefined();
    expect(check!.type).toBe("change");
    expect(check!.claims.map((c) => c.text)).toContain(ferry.text);
    expect(check!.explanation).toBeNull();
    // The budget sentence is consistent: nothing names it.
    expect(checks.every((c) => c.claimIds.length > 0 && c.claims.every((x) => !x.text.includes("$412 million")))).toBe(true);
  });

  it("checks once per state of the claims: dismissing drops the finding, restoring brings it back", async () => {
    const { articleId, ferry } = await seed();
    const first = (await getNumberChecks(t.db, { articleId })).checks;
    expect(first).toHaveLength(1);
    // A second read (another click in the workbench) is served from the cache: the very same claims list.
    expect((await getNumberChecks(t.db, { articleId })).checks[0]!.claims).toBe(first[0]!.claims);
    await dismissClaim(t.db, { viewer: rita, claimId: ferry.id, reason: "not a claim in this article" });
    expect((await getNumberChecks(t.db, { articleId })).checks).toEqual([]);
    await restoreClaim(t.db, { viewer: rita, claimId: ferry.id });
    const again = (await getNumberChecks(t.db, { articleId })).checks;
    expect(again.map((c) => c.key)).toEqual(first.map((c) => c.key));
    expect(again[0]!.claims).not.toBe(first[0]!.claims);
  });
});

describe("explainNumberCheck", () => {
  it("records the reason on each claim of the finding, shows it in the claim's history, its checks and the reports", async () => {
    const { articleId, slug, ferry } = await seed();
    const [check] = (await getNumberChecks(t.db, { articleId })).checks;
    const reason = "The 25% is the two-year change; <b>200</b> is last year's figure.";
    await explainNumberCheck(t.db, { viewer: rita, claimId: ferry.id, findingKey: check!.key, reason: `  ${reason} ` });

    const events = await t.db.auditEvent.findMany({ where: { articleId, action: EXPLAIN_ACTION } });
    expect(events.map((e) => e.entityId).sort()).toEqual([...check!.claimIds].sort());
    expect(events.every((e) => e.entityType === "claim" && e.actorId === rita.id)).toBe(true);
    expect(JSON.parse(events[0]!.after!)).toEqual({ findingKey: check!.key, reason, message: check!.message });

    const detail = await getClaimDetail(t.db, { viewer: rita, claimId: ferry.id });
    expect(detail.history.map((h) => h.summary)).toContain(`marked a number check explained: ${reason}`);
    expect(detail.numberChecks.map((c) => c.explanation)).toEqual([{ reason, explainedBy: "Rita Reviewer", explainedAt: events[0]!.createdAt.toISOString() }]);

    const data = await loadArticleExport(t.db, { slug });
    const html = formatHtmlReport(data);
    expect(html).toContain("<h2>Number checks</h2>");
    expect(html).toContain(`<strong>Check:</strong> ${check!.message.replace(/'/g, "&#39;")}`);
    expect(html).toContain("The 25% is the two-year change; &lt;b&gt;200&lt;/b&gt; is last year&#39;s figure.");
    expect(html).toContain(`href="#entry-${ferry.id}"`);
    const md = formatMarkdownReport(data);
    expect(md).toContain("## Number checks");
    expect(md).toContain("1 check, 1 explained.");
    expect(md).toContain("**Explained** by Rita Reviewer: The 25% is the two-year change; &lt;b\\>200&lt;/b\\> is last year's figure.");
  });

  it("refuses an empty reason, and a finding that does not name the claim", async () => {
    const { articleId, claims, ferry } = await seed();
    const [check] = (await getNumberChecks(t.db, { articleId })).checks;
    await expect(explainNumberCheck(t.db, { viewer: rita, claimId: ferry.id, findingKey: check!.key, reason: " " })).rejects.toThrow(/Say why the figures/);
    const budget = claims.find((c) => c.id !== ferry.id)!;
    await expect(explainNumberCheck(t.db, { viewer: rita, claimId: budget.id, findingKey: check!.key, reason: "fine" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(explainNumberCheck(t.db, { viewer: rita, claimId: ferry.id, findingKey: "no-such-key", reason: "fine" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await t.db.auditEvent.count({ where: { articleId, action: EXPLAIN_ACTION } })).toBe(0);
  });

  it("says a consistent article has no number checks in both reports", async () => {
    const { slug } = await importText("# Budget\n\nThe council approved a $412 million budget on Tuesday.\n");
    const data = await loadArticleExport(t.db, { slug });
    expect(formatHtmlReport(data)).toContain("No number check found");
    expect(formatMarkdownReport(data)).toContain("No number check found");
  });
});
