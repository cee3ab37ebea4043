import { describe, expect, it } from "vitest";
import { renderReadingMarkup } from "@/lib/reading/reading-markup";
import type { ReadingView } from "@/lib/reading/types";

const text = "# Title\n\nFees rose 5% in 2024. Officials agreed.\n";
const start = text.indexOf("Fees");
const view: ReadingView = {
  article: { id: "a", slug: "fees", title: "Title", publisher: null, author: null, originalUrl: null, publishedOn: null, status: "published", publishedAt: null },
  revision: { id: "r", number: 1, text },
  claims: [
    {
      id: "c1",
      kind: "statistic",
      text: "Fees rose 5% in 2024.",
      sourceStart: start,
      sourceEnd: start + "Fees rose 5% in 2024.".length,
      speaker: null,
      approved: {
        verdict: "false",
        note: "See [the ledger](javascript:alert(1)) <script>alert(2)</script>",
        reviewerName: "<b>Rita</b>",
        approvedAt: null,
        citations: [
          {
            id: "k1",
            stance: "refutes",
            excerpt: "</q><script>alert(3)</script>",
            accessedOn: null,
            archiveUrl: null,
            source: { id: "s1", url: "javascript:alert(4)", title: "Ledger <img src=x onerror=alert(5)>", publisher: null, publishedOn: null },
          },
        ],
      },
    },
  ],
};

describe("renderReadingMarkup", () => {
  const markup = renderReadingMarkup(view, { pageUrl: "https://desk.example/a/fees" });
  const all = markup.bodyHtml + markup.claimsHtml + markup.sourceNotesHtml;

  it("escapes everything that came from people: no script, no handler, no javascript: link", () => {
    expect(all).not.toMatch(/<script|<img|href="javascript:|<[^>]*\sonerror=/i);
    expect(markup.claimsHtml).toContain("&#x3C;b>Rita&#x3C;/b>");
    expect(markup.sourceNotesHtml).toContain("<span>Ledger &#x3C;img src=x onerror=alert(5)></span>");
    expect(markup.claimReviewJson).not.toMatch(/[<>]/);
  });

  it("links each claim's verdict label, entry and source note to one another", () => {
    expect(markup.bodyHtml).toContain('<a href="#detail-c1" class="claim-check" aria-label=');
    expect(markup.claimsHtml).toContain('<li id="detail-c1"');
    expect(markup.claimsHtml).toContain('<a href="#source-1" class="source-ref">[1] Ledger');
    expect(markup.claimsHtml).toContain('href="#claim-c1"');
    expect(markup.sourceNotesHtml).toContain('<li id="source-1">');
    expect(markup.sourceNotesHtml).toContain('<a href="#detail-c1" aria-label="Back to claim 1">↩ 1</a>');
  });
});
