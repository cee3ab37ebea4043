import type { Element, ElementContent } from "hast";
import type { ClaimEntry } from "./build-reading-page";
import { humanDate } from "@/lib/export/human-date";
import { h } from "./hast-builders";
import { detailId } from "./verdict-tags";

const STANCE_LABELS: Record<string, string> = { supports: "supports the claim", refutes: "refutes the claim", context: "gives context" };

/**
 * The "Claims and verdicts" list after the article, as a hast tree: every marked claim, numbered,
 * with its approved verdict, the reviewer's (sanitised) note and its sources linking to the source
 * notes. Readable without JavaScript and in print; the popover shows a copy of an entry's
 * `.claim-detail-body`.
 */
export function claimEntriesTree(claims: readonly ClaimEntry[]): Element {
  return h("section", { className: ["claim-details"], ariaLabelledBy: ["claim-details-heading"] }, [
    h("h2", { id: "claim-details-heading" }, ["Claims and verdicts"]),
    h("ol", { className: ["claim-detail-list"] }, claims.map(entry)),
  ]);
}

function entry(claim: ClaimEntry): Element {
  const verdictClass = `verdict-${claim.verdict ?? "none"}`;
  const body: ElementContent[] = [
    h("p", { className: ["claim-detail-head"] }, [
      h("span", { className: ["verdict-badge", verdictClass] }, [claim.verdictLabel]),
      " ",
      h("span", { className: ["kind-name"] }, [claim.kindLabel]),
    ]),
    h("blockquote", { className: ["claim-detail-quote"] }, [claim.text]),
  ];
  if (claim.verdict === null) {
    body.push(h("p", { className: ["muted"] }, ["No editor has approved a verdict for this claim yet."]));
  } else {
    if (claim.note) body.push(h("div", { className: ["claim-note"] }, claim.note.children as ElementContent[]));
    body.push(
      claim.citations.length > 0
        ? h(
            "ul",
            { className: ["claim-sources"], ariaLabel: "Sources" },
            claim.citations.map(({ note, citation }) =>
              h("li", {}, [
                h("a", { href: `#source-${note}`, className: ["source-ref"] }, [
                  `[${note}] ${citation.source.title ?? citation.source.publisher ?? hostOf(citation.source.url)}`,
                ]),
                " ",
                h("span", { className: ["muted"] }, [STANCE_LABELS[citation.stance] ?? citation.stance]),
                citation.excerpt ? h("q", { className: ["excerpt"] }, [citation.excerpt]) : null,
              ]),
            ),
          )
        : h("p", { className: ["muted"] }, ["No sources cited."]),
    );
    const approved = humanDate(claim.approvedAt);
    const reviewed = [claim.reviewerName ? `Reviewed by ${claim.reviewerName}` : null, approved ? `approved ${approved}` : null].filter(Boolean).join(", ");
    if (reviewed) body.push(h("p", { className: ["muted", "small"] }, [`${reviewed.charAt(0).toUpperCase()}${reviewed.slice(1)}.`]));
  }
  return h("li", { id: detailId(claim.id), className: ["claim-detail", `kind-${claim.kind}`, verdictClass], dataClaimId: claim.id }, [
    h("div", { className: ["claim-detail-body"] }, body),
    h("a", { className: ["back-to-text", "small"], href: `#claim-${claim.id}` }, ["Back to the claim in the text"]),
  ]);
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
