import type { Element, Root } from "hast";
import { toHtml } from "hast-util-to-html";
import { describe, expect, it } from "vitest";
import { buildReadingPage } from "@/lib/reading/build-reading-page";
import type { ReadingCitation, ReadingClaim, ReadingView } from "@/lib/reading/types";
import { checkLinkName } from "@/lib/reading/verdict-tags";

const text = "# Budget check\n\nSpending rose **12%** in 2024. The rule allows 48 hours.\n\nOfficials said it worked.\n";

function claim(quote: string, id: string, kind: ReadingClaim["kind"], approved: ReadingClaim["approved"] = null): ReadingClaim {
  const start = text.indexOf(quote);
  return { id, kind, text: quote.replace(/\*/g, ""), sourceStart: start, sourceEnd: start + quote.length, speaker: null, approved };
}

const citation = (id: string, sourceId: string, url: string): ReadingCitation => ({
  id,
  stance: "refutes",
  excerpt: "Spending rose 3%.",
  accessedOn: "2026-03-01",
  archiveUrl: null,
  source: { id: sourceId, url, title: `Source ${sourceId}`, publisher: null, publishedOn: null },
});

const view: ReadingView = {
  article: { id: "a", slug: "budget", title: "Budget check", publisher: null, author: null, originalUrl: null, publishedOn: null, status: "published", publishedAt: null },
  revision: { id: "r", number: 1, text },
  claims: [
    claim("Spending rose **12%** in 2024.", "c1", "statistic", {
      verdict: "false",
      note: "Wrong year. <img src=x onerror=alert(1)>",
      reviewerName: "Rita",
      approvedAt: null,
      citations: [citation("k1", "s1", "https://stats.example/a"), citation("k2", "s2", "https://stats.example/b")],
    }),
    claim("The rule allows 48 hours.", "c2", "program_rule", {
      verdict: "accurate",
      note: "",
      reviewerName: null,
      approvedAt: null,
      citations: [citation("k3", "s2", "https://stats.example/b")],
    }),
    claim("Officials said it worked.", "c3", "factual"),
  ],
};

const marks = (tree: Root | Element): Element[] =>
  tree.children.flatMap((c) => (c.type === "element" ? [...(c.tagName === "mark" ? [c] : []), ...marks(c)] : []));

describe("buildReadingPage", () => {
  const page = buildReadingPage(view);
  const html = toHtml(page.body);

  it("marks every claim with its kind and approved verdict, none invented", () => {
    const found = marks(page.body);
    const byClaim = new Map(found.map((m) => [m.properties.dataClaimId, m.properties.dataVerdict]));
    expect(Object.fromEntries(byClaim)).toEqual({ c1: "false", c2: "accurate", c3: "none" });
    // The mark is a plain highlight with the claim's anchor: its role and name are the check link's.
    const first = found.find((m) => m.properties.id === "claim-c1")!;
    expect(first.properties.tabIndex).toBeUndefined();
    expect(first.properties.ariaLabel).toBeUndefined();
    expect(html).not.toMatch(/<mark[^>]*(aria-label|tabindex)/);
  });

  it("puts a check link after each claim's last piece, showing the verdict and naming kind and verdict", () => {
    expect(html).toContain(
      '<strong><mark data-claim-id="c1" data-kind="statistic" data-verdict="false" class="claim-mark kind-statistic verdict-false">12%</mark></strong><mark',
    );
    // Visible: "False"; announced: "Statistic, rated False: see the check" (the link has a role, so its name is read).
    expect(html).toMatch(
      /in 2024\.<\/mark><sup class="verdict-tag kind-statistic verdict-false" data-tag-for="c1"><a href="#detail-c1" class="claim-check" aria-label="Statistic, rated False: see the check">False<\/a><\/sup>/,
    );
    expect(html).toContain('<a href="#detail-c2" class="claim-check" aria-label="Program rule, rated Accurate: see the check">Accurate</a>');
    // An unrated claim's link names it too; reading.css hides it from the eye until it is focused.
    expect(html).toContain(
      '<sup class="verdict-tag kind-factual verdict-none" data-tag-for="c3"><a href="#detail-c3" class="claim-check" aria-label="Factual, not yet rated: see the claim">not yet rated</a></sup>',
    );
    expect(html.match(/class="verdict-tag/g)).toHaveLength(3);
    expect(html).not.toContain("Not yet rated");
  });

  it("names each check link as a screen reader announces it", () => {
    expect(checkLinkName({ kind: "statistic", kindLabel: "Statistic", verdict: "false", verdictLabel: "False" })).toBe("Statistic, rated False: see the check");
    expect(checkLinkName({ kind: "factual", kindLabel: "Factual", verdict: "none", verdictLabel: "Not yet rated" })).toBe("Factual, not yet rated: see the claim");
  });

  it("moves the article's headings one level down under the page's title", () => {
    expect(html).toMatch(/^<h2>/);
    expect(html).not.toContain("<h1");
  });

  it("numbers sources like footnotes, one note per source with a back-link to each citing claim", () => {
    expect(page.sourceNotes.map((n) => [n.number, n.source.id, n.citedBy.map((c) => c.claimNumber)])).toEqual([
      [1, "s1", [1]],
      [2, "s2", [1, 2]],
    ]);
    expect(page.claims[1]!.citations.map((c) => c.note)).toEqual([2]);
  });

  it("renders the reviewer's note sanitised", () => {
    const note = toHtml(page.claims[0]!.note!);
    expect(note).toContain("Wrong year.");
    expect(note).not.toMatch(/<img|onerror=/);
    expect(page.claims[1]!.note).toBeNull();
  });

  it("summarises the marked claims", () => {
    expect(page.summary.total).toBe(3);
    expect(page.summary.checked).toBe(2);
  });
});
