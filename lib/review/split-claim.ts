import type { Database } from "@/lib/db/create-database";
import { AppError } from "@/lib/errors";
import { extractQuantities } from "@/lib/claims";
import { anchorSpan, textOffsetToQuoteOffset } from "./anchor-span";
import {
  assertClaimAnchored,
  assertClaimEditable,
  CLAIM_SUMMARY,
  displayName,
  renumberClaims,
  type ClaimSummary,
  type SignedInViewer,
} from "./claim-rules";
import { parseReasons } from "./json-columns";
import { recordAudit } from "./record-audit";
import { SplitClaimInput } from "./schemas";

/**
 * Splits a claim in two at an offset into its text. The claim keeps its id and its reviews and
 * shrinks to the first part; a new manual claim of the same kind takes the second part, open and
 * unreviewed. Both are re-anchored exactly on the revision text, each part trimmed at the cut, and
 * their quantities are extracted again from their own text.
 *
 * Text positions (textStart/textEnd, over the plain text) are cleared on both parts: they come from
 * the pipeline's Markdown-to-plain mapping, which this layer does not have.
 */
export async function splitClaim(
  db: Database,
  input: SplitClaimInput & { viewer: SignedInViewer },
): Promise<{ first: ClaimSummary; second: ClaimSummary }> {
  const { viewer, ...rest } = input;
  const data = SplitClaimInput.parse(rest);
  return db.$transaction(async (tx) => {
    const claim = await tx.claim.findUnique({
      where: { id: data.claimId },
      select: { ...CLAIM_SUMMARY, score: true, reasons: true, quantities: true, context: true, assigneeId: true, revision: { select: { text: true } } },
    });
    if (!claim) throw new AppError("NOT_FOUND", "This claim no longer exists; reload the page.");
    assertClaimEditable(claim);
    assertClaimAnchored(claim);
    const text = claim.revision.text;

    // The claim's text may drop Markdown syntax or line breaks its source span has: align the two.
    const slice = text.slice(claim.sourceStart, claim.sourceEnd);
    const offset = data.at < claim.text.length ? textOffsetToQuoteOffset(claim.text, slice, data.at) : null;
    const cut = offset === null ? -1 : claim.sourceStart + offset;
    if (cut <= claim.sourceStart || cut >= claim.sourceEnd) {
      throw new AppError("INVALID", "Put the cursor inside the claim's text, with words on both sides of it.");
    }
    if (text.slice(claim.sourceStart, cut).trim() === "" || text.slice(cut, claim.sourceEnd).trim() === "") {
      throw new AppError("INVALID", "Split where there are words on both sides of the cursor.");
    }
    // Each part is shorter than the claim, so no length limit applies to them.
    const head = anchorSpan(text, claim.sourceStart, cut, Number.POSITIVE_INFINITY);
    const tail = anchorSpan(text, cut, claim.sourceEnd, Number.POSITIVE_INFINITY);

    await tx.claim.update({
      where: { id: claim.id },
      data: { ...head, textStart: null, textEnd: null, quantities: JSON.stringify(extractQuantities(head.text)) },
    });
    const created = await tx.claim.create({
      data: {
        articleId: claim.articleId,
        revisionId: claim.revisionId,
        kind: claim.kind,
        ...tail,
        score: claim.score,
        reasons: JSON.stringify([...parseReasons(claim.reasons), `split off by ${displayName(viewer)}`]),
        quantities: JSON.stringify(extractQuantities(tail.text)),
        context: claim.context,
        assigneeId: claim.assigneeId,
        origin: "manual",
        state: "open",
        position: claim.position + 1,
      },
      select: { id: true },
    });
    await renumberClaims(tx, claim.revisionId);

    const first = await tx.claim.findUniqueOrThrow({ where: { id: claim.id }, select: CLAIM_SUMMARY });
    const second = await tx.claim.findUniqueOrThrow({ where: { id: created.id }, select: CLAIM_SUMMARY });
    const span = (c: { text: string; sourceStart: number; sourceEnd: number }) => ({ text: c.text, sourceStart: c.sourceStart, sourceEnd: c.sourceEnd });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "claim.split",
      entityType: "claim",
      entityId: first.id,
      articleId: first.articleId,
      before: span(claim),
      after: { ...span(first), secondId: second.id },
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "claim.split",
      entityType: "claim",
      entityId: second.id,
      articleId: second.articleId,
      after: { ...span(second), kind: second.kind, splitFrom: first.id },
    });
    return { first, second };
  });
}
