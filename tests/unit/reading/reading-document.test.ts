import type { Element } from "hast";
import rehypeParse from "rehype-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { describe, expect, it } from "vitest";
import { publishingOrganisation } from "@/lib/export/organisation";
import { accountHtml, notFoundDocument, renderReadingDocument } from "@/lib/reading/reading-document";
import { renderReadingMarkup } from "@/lib/reading/reading-markup";
import type { ReadingView } from "@/lib/reading/types";

const text = "# Fees\n\nFees rose 5% in 2024. Officials agreed.\n";
const start = text.indexOf("Fees rose");
const hostile = `</title><script>alert(1)</script>"'&`;
const view: ReadingView = {
  article: {
    id: "a",
    slug: "fees",
    title: `Fees ${hostile}`,
    publisher: "<b>Daily</b>",
    author: `A "Writer"</script>`,
    originalUrl: "javascript:alert(2)",
    publishedOn: "2024-01-02",
    status: "published",
    publishedAt: new Date("2026-03-04T05:06:07Z"),
  },
  revision: { id: "r", number: 1, text },
  claims: [
    {
      id: "c1",
      kind: "statistic",
      text: "Fees rose 5% in 2024.",
      sourceStart: start,
      sourceEnd: start + "Fees rose 5% in 2024.".length,
      speaker: null,
      approved: { verdict: "false", note: "No.", reviewerName: "Rita", approvedAt: null, citations: [] },
    },
  ],
};
const textOf = (node: Element): string => node.children.map((c) => (c.type === "text" ? c.value : c.type === "element" ? textOf(c) : "")).join("");
const pageUrl = "https://desk.example/a/fees";
const markup = renderReadingMarkup(view, { pageUrl });

describe("renderReadingDocument", () => {
  const { before, after } = renderReadingDocument(markup, { pageUrl, access: "public" });
  const html = before + accountHtml(null) + after;

  it("is one complete document with the site header, the reading CSS and the enhancement script", () => {
    expect(html).toMatch(/^<!doctype html><html lang="en"><head><meta charset="utf-8">/);
    expect(html.endsWith("</main></body></html>")).toBe(true);
    expect(before).toContain('<header class="site-header"><a href="/" class="brand">Claimdesk</a>');
    expect(after.startsWith("</header>")).toBe(true);
    expect(html).toContain('<link rel="stylesheet" href="/reading/reading.css">');
    expect(html).toContain('<script type="module" src="/reading/enhance.js"></script>');
    expect(html).toContain('<a href="/sign-in" class="account-link">Sign in</a>');
  });

  it("carries the title, description, canonical link and OpenGraph tags, escaped", () => {
    expect(html).toContain("<title>Fees &#x3C;/title>&#x3C;script>alert(1)&#x3C;/script>\"'&#x26; · Claimdesk</title>");
    expect(html).toContain('<meta property="og:title" content="Fact check: Fees </title><script>alert(1)</script>&#x22;&#x27;&#x26;">');
    expect(html).toContain(`<link rel="canonical" href="${pageUrl}">`);
    expect(html).toContain('<meta property="og:type" content="article">');
    expect(html).toContain('<meta property="article:published_time" content="2026-03-04T05:06:07.000Z">');
    expect(html).toContain('<meta property="article:author" content="A &#x22;Writer&#x22;</script>">');
    expect(html).toContain('<meta name="description" content="1 claim marked, 1 checked: 1 False.">');
    expect(html).not.toContain("noindex");
    // Nothing the user typed becomes markup: as a browser parses it, one script element of ours and
    // one of JSON-LD, and the title is the article's title as text.
    const tree = unified().use(rehypeParse).parse(html);
    const elements: Element[] = [];
    visit(tree, "element", (node: Element) => void elements.push(node));
    expect(elements.filter((e) => e.tagName === "script").map((e) => e.properties.type)).toEqual(["module", "application/ld+json"]);
    expect(elements.filter((e) => e.tagName === "title").map(textOf)).toEqual([`${view.article.title} · Claimdesk`, "Claims by verdict and by kind"]);
    expect(html).not.toContain("<b>Daily</b>");
    expect(html).not.toContain("javascript:");
  });

  it("holds the article, summary, hidden filters, claim list and escaped ClaimReview JSON-LD", () => {
    expect(html).toContain('<div class="reading-body" data-testid="article-text">');
    expect(html).toContain(markup.bodyHtml);
    expect(html).toContain(markup.claimsHtml);
    expect(html).toContain('<table class="listing summary-table"><caption>Claims by verdict</caption>');
    expect(html).toMatch(/<fieldset class="reading-filters" hidden><legend>Show claims<\/legend>/);
    expect(html).toContain('<input type="checkbox" checked data-filter="kind" value="statistic">Statistic (1)');
    expect(html).toContain(`data-claim-counts="{&#x22;statistic false&#x22;:1}"`);
    const json = /<script type="application\/ld\+json">(.*?)<\/script>/.exec(html)?.[1] ?? "";
    expect(json).not.toContain("<");
    expect(JSON.parse(json)[0].itemReviewed.author.name).toBe(view.article.author);
  });

  it("tells every date as people write it", () => {
    expect(html).toContain('Original article: A "Writer"&#x3C;/script> · &#x3C;b>Daily&#x3C;/b> · 2 January 2024.');
    const visibleText = html.replace(/<script[^]*?<\/script>|<[^>]*>/g, " ");
    expect(visibleText).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it("opens with a breadcrumb back to the articles, the title escaped", () => {
    expect(after).toContain('<nav aria-label="Breadcrumb" class="reading-breadcrumb"><ol class="breadcrumb"><li><a href="/">Articles</a></li><li><span aria-current="page">Fees &#x3C;/title>&#x3C;script>');
  });

  it("explains the marks in a legend before the article", () => {
    expect(html.indexOf('<section class="reading-legend" aria-labelledby="legend-heading"><h2 id="legend-heading">How to read the marks</h2>')).toBeLessThan(
      html.indexOf('data-testid="article-text"'),
    );
  });

  it("names the configured organisation as the checker, as ClaimReview does", () => {
    expect(html).toContain('Checked by Claimdesk, published <time datetime="2026-03-04T05:06:07.000Z">4 March 2026</time>.');
    const organisation = publishingOrganisation(pageUrl, { CLAIMDESK_ORG_NAME: "Harbor <Fact> Desk" });
    const named = renderReadingMarkup(view, { pageUrl, organisation });
    const page = renderReadingDocument(named, { pageUrl, access: "public" });
    expect(page.after).toContain("Checked by Harbor &#x3C;Fact> Desk, published <time");
    expect(page.after).not.toContain("Checked by Claimdesk");
    const json = /<script type="application\/ld\+json">(.*?)<\/script>/.exec(page.after)?.[1] ?? "";
    expect(JSON.parse(json)[0].author.name).toBe("Harbor <Fact> Desk");
  });

  it("marks a preview with a banner and keeps it out of search engines", () => {
    const preview = renderReadingDocument(markup, { pageUrl, access: "preview" });
    expect(preview.before).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(preview.after).toContain('<p class="preview-banner" role="note"><strong>Preview: not published.</strong>');
    expect(after).not.toContain("preview-banner");
  });
});

describe("accountHtml and notFoundDocument", () => {
  it("names the signed-in viewer, escaped", () => {
    const html = accountHtml({ id: "u", email: "e@x.test", name: "<img src=x onerror=alert(1)>", role: "editor" });
    expect(html).toBe(
      '<div class="account-menu"><nav aria-label="Account" class="row"><a href="/desk">Desk</a><a href="/settings/profile">Profile</a><a href="/settings/tokens">API tokens</a></nav><span>&#x3C;img src=x onerror=alert(1)> <span class="muted">(editor)</span></span><form method="post" action="/sign-out" class="inline-form"><button type="submit" class="button link">Sign out</button></form></div>',
    );
  });

  it("offers an admin the accounts page, as the React pages' menu does", () => {
    const html = accountHtml({ id: "u", email: "a@x.test", name: "Ada", role: "admin" });
    expect(html).toContain('<a href="/admin/accounts">Accounts</a>');
    expect(accountHtml({ id: "u", email: "r@x.test", name: "Rae", role: "reviewer" })).not.toContain("/desk");
  });

  it("gives staff the article's other pages in the reading view's header, and readers none", () => {
    const editor = accountHtml({ id: "u", email: "e@x.test", name: "Eve", role: "editor" }, { slug: "a-b", status: "published" });
    expect(editor).toContain('<nav aria-label="This article" class="article-links"><ul><li><a href="/articles/a-b/review">Workbench</a></li><li><a href="/articles/a-b/revisions">Revisions</a></li><li><a href="/articles/a-b/report">Report and exports</a></li><li><a href="/desk/a-b">Desk</a></li></ul></nav>');
    expect(accountHtml(null, { slug: "a-b", status: "published" })).not.toContain("/articles/");
  });

  it("says nothing about the article on the 404 page", () => {
    const html = notFoundDocument(null);
    expect(html).toContain("<h1>Page not found</h1>");
    expect(html).toContain("Sign in");
    expect(html).not.toContain("claimdesk:account");
  });
});

describe("the revision notice", () => {
  it("tells readers when the article changed after its claims were checked, and only then", () => {
    const notice = { latestRevisionAt: new Date("2026-05-02T10:00:00Z"), lastCheckedAt: new Date("2026-05-01T09:00:00Z") };
    const changed = renderReadingDocument(markup, { pageUrl, access: "public", notice });
    const html = changed.before + changed.after;
    expect(html).toContain("Updated after checking.");
    expect(html).toContain(
      'changed on <time datetime="2026-05-02T10:00:00.000Z">2 May 2026</time>, after its claims were last checked on <time datetime="2026-05-01T09:00:00.000Z">1 May 2026</time>.',
    );
    const unchanged = renderReadingDocument(markup, { pageUrl, access: "public", notice: null });
    expect(unchanged.before + unchanged.after).not.toContain("Updated after checking");
  });
});
