import { describe, expect, it } from "vitest";
import { renderReadingMarkup } from "@/lib/reading/reading-markup";
import type { ReadingView } from "@/lib/reading/types";

const text = "Fees rose 5% in 2024.\n";
const view: ReadingView = {
  article: { id: "a", slug: "fees", title: "Fees", publisher: null, author: null, originalUrl: null, publishedOn: "last spring", status: "published", publishedAt: null },
  revision: { id: "r", number: 1, text },
  claims: [
    {
      id: "c1",
      kind: "statistic",
      text: "Fees rose 5% in 2024.",
      sourceStart: 0,
      sourceEnd: 21,
      speaker: null,
      approved: {
        verdict: "false",
        note: "They fell.",
        reviewerName: "Rita",
        approvedAt: new Date("2026-12-01T23:30:00Z"),
        citations: [
          {
            id: "k1",
            stance: "refutes",
            excerpt: "Fees fell.",
            accessedOn: "2026-11-30",
            archiveUrl: null,
            source: { id: "s1", url: "https://stats.example/fees", title: "Fee report", publisher: "Stats Office", publishedOn: "2025-06-30" },
          },
        ],
      },
    },
  ],
};

describe("dates in the reading view", () => {
  const markup = renderReadingMarkup(view, { pageUrl: "https://desk.example/a/fees" });

  it("tells a source's date and an approval's day as people write them", () => {
    expect(markup.sourceNotesHtml).toContain("Fee report</a>, Stats Office (30 June 2025)");
    expect(markup.claimsHtml).toContain("Reviewed by Rita, approved 1 December 2026.");
    expect(markup.bodyHtml + markup.claimsHtml + markup.sourceNotesHtml).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it("says when a claim was approved even without a reviewer's name", () => {
    const anonymous = structuredClone(view);
    anonymous.claims[0]!.approved!.reviewerName = null;
    expect(renderReadingMarkup(anonymous, { pageUrl: "https://desk.example/a/fees" }).claimsHtml).toContain("Approved 1 December 2026.");
  });
});
