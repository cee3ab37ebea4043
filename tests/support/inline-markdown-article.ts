/**
 * An article whose claims hold every kind of inline Markdown the pipeline strips from a claim's
 * words (bold, italics, a link, inline code, an HTML entity, a footnote reference) and claims in
 * list items and table cells: the case where a quote cut from the plain text does not match the
 * Markdown the revision stores. Shared by the re-import tests.
 */

/** Each construct, with the Markdown of the claim that holds it. */
export const INLINE_CLAIMS = {
  bold: "The county spent **$12 million** on road repairs in 2023.",
  italics: "Violent crime fell by *20 percent* between 2019 and 2023.",
  link: "According to [the state auditor](https://example.org/audit), 40% of the projects ran late in 2022.",
  code: "The `roads_fund` account grew by 15% in 2024.",
  entity: "The council approved 3 new bridges &amp; 12 crosswalks in 2024.",
  footnote: "Unemployment dropped to 4.1% in March 2024.[^jobs]",
  listItem: "The program enrolled **1,200** families in 2023.",
  tableCell: "The city spent **$4 million** on parks in 2023.",
} as const;

/** The article: the claims above among paragraphs that hold none. */
export const INLINE_ARTICLE = `---
title: Where the county's money went
---

# Where the county's money went

This is our look back at the year.

${INLINE_CLAIMS.bold}

${INLINE_CLAIMS.italics}

Read on for *the details*.

${INLINE_CLAIMS.link}

${INLINE_CLAIMS.code}

${INLINE_CLAIMS.entity}

${INLINE_CLAIMS.footnote}

What the programs did:

- ${INLINE_CLAIMS.listItem}
- About 30% of the families lived in [rural areas](https://example.org/rural) in 2023.

| Year | What happened |
| ---- | ------------- |
| 2023 | ${INLINE_CLAIMS.tableCell} |

Thanks for reading.

[^jobs]: State labor department, April 2024.
`;

/** The article with one paragraph (holding a claim of its own) added after `after`. */
export function withParagraphAdded(article: string, after = "Read on for *the details*."): string {
  return article.replace(after, `${after}\n\nThe mayor said 250 new housing units opened in 2024.`);
}
