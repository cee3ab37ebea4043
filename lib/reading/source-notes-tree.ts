import type { Element } from "hast";
import { humanDate } from "@/lib/export/human-date";
import { h } from "./hast-builders";
import { safeHref, type SourceNote } from "./source-notes";
import { detailId } from "./verdict-tags";

/**
 * The numbered source notes at the end of the article, like footnotes, as a hast tree: each links
 * to its source (http(s) only; anything else is shown as text) and back to every claim citing it.
 */
export function sourceNotesTree(notes: readonly SourceNote[]): Element | null {
  if (notes.length === 0) return null;
  return h("section", { className: ["source-notes"], ariaLabelledBy: ["source-notes-heading"] }, [
    h("h2", { id: "source-notes-heading" }, ["Sources"]),
    h(
      "ol",
      {},
      notes.map(({ number, source, citedBy }) => {
        const href = safeHref(source.url);
        const title = source.title ?? source.url;
        return h("li", { id: `source-${number}` }, [
          href ? h("a", { href, rel: ["noopener", "noreferrer"], className: ["source-link"] }, [title]) : h("span", {}, [title]),
          source.publisher ? `, ${source.publisher}` : null,
          source.publishedOn ? ` (${humanDate(source.publishedOn)})` : null,
          href ? h("span", { className: ["print-url"] }, [` ${href}`]) : null,
          " ",
          h(
            "span",
            { className: ["backlinks"] },
            citedBy.map(({ claimId, claimNumber }) => h("a", { href: `#${detailId(claimId)}`, ariaLabel: `Back to claim ${claimNumber}` }, [`↩ ${claimNumber}`])),
          ),
        ]);
      }),
    ),
  ]);
}
