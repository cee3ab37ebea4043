import type { Element, Root } from "hast";
import rehypeParse from "rehype-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { isHttpUrl } from "@/lib/domain/http-url";
import type { ArticleMetadata } from "./front-matter";

/** The head of a page is near its top; reading no further keeps this cheap on a 5 MiB upload. */
const HEAD_CHARS = 65_536;

const parser = unified().use(rehypeParse).freeze();

/**
 * What an HTML page says about itself in its head, in the words of front matter: the title (Open
 * Graph, else `<title>`), author, publisher (the site's name), canonical address and publication
 * day. Each is a hint for the import form's empty fields; nothing here is required.
 */
export function readHtmlMetadata(html: string): ArticleMetadata {
  const end = html.search(/<\/head\s*>/i);
  const tree = parser.parse(html.slice(0, end === -1 ? HEAD_CHARS : Math.min(end, HEAD_CHARS))) as Root;
  const meta = new Map<string, string>();
  let title: string | undefined;
  let canonical: string | undefined;
  visit(tree, "element", (node: Element) => {
    const p = node.properties;
    if (node.tagName === "title") title ??= textOf(node);
    if (node.tagName === "link" && Array.isArray(p.rel) && p.rel.includes("canonical") && typeof p.href === "string") canonical ??= p.href;
    if (node.tagName !== "meta" || typeof p.content !== "string") return;
    const key = String(p.property ?? p.name ?? p.itemProp ?? "").toLowerCase();
    if (key && !meta.has(key)) meta.set(key, p.content.trim());
  });
  const first = (...keys: string[]) => keys.map((k) => meta.get(k)).find((v) => v);
  const url = [canonical, first("og:url")].find((u) => u && isHttpUrl(u));
  const author = first("author", "article:author", "byl", "dc.creator", "parsely-author");
  const date = first("article:published_time", "datepublished", "date", "pubdate", "dc.date", "dc.date.issued", "parsely-pub-date");
  return clean({
    title: first("og:title", "twitter:title") ?? title,
    // article:author is often a profile's address, not a name.
    author: author && !isHttpUrl(author) ? author : undefined,
    publisher: first("og:site_name", "publisher", "application-name"),
    url,
    date: /^\d{4}-\d{2}-\d{2}/.exec(date ?? "")?.[0],
  });
}

function textOf(node: Element): string {
  let text = "";
  visit(node, "text", (t: { value: string }) => {
    text += t.value;
  });
  return text.replace(/\s+/g, " ").trim();
}

/** Leaves out empty and over-long values, as front matter's schema would refuse them. */
function clean(meta: Record<string, string | undefined>): ArticleMetadata {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(meta)) {
    const v = value?.trim();
    if (v && v.length <= (key === "title" ? 500 : key === "url" ? 2000 : 300)) out[key] = v;
  }
  return out as ArticleMetadata;
}
