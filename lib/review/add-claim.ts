import { extractQuantities } from "@/lib/claims";
import type { Database } from "@/lib/db/create-database";
import { AppError } from "@/lib/errors";
import { anchorSpan } from "./anchor-span";
import { CLAIM_SUMMARY, displayName, renumberClaims, type ClaimSummary, type SignedInViewer } from "./claim-rules";
import { recordAudit } from "./record-audit";
import { AddClaimInput } from "./schemas";

/**
 * Adds a claim a reviewer selected in the article, anchored to exactly that span of the revision
 * text (trimmed of surrounding whitespace). It is manual, open, scored 1 ("added by <name>": a
 * person judged it check-worthy), and slotted into reading order among the revision's claims.
 *
 * The kind defaults to "factual": `@/lib/claims` exports no classifier for a single span (only
 * extractQuantities, used here), and the reviewer retypes the claim in one keystroke.
 */
export async function addClaim(db: Database, input: AddClaimInput & { viewer: SignedInViewer }): Promise<ClaimSummary> {
  const { viewer, ...rest } = input;
  const data = AddClaimInput.parse(rest);
  return db.$transaction(async (tx) => {
    const revision = await tx.revision.findUnique({ where: { id: data.revisionId }, select: { id: true, articleId: true, text: true } });
    if (!revision) throw new AppError("NOT_FOUND", "This revision of the article no longer exists; reload the page.");
    // A selection made on an older text would anchor the claim to a revision nobody reviews any more.
    const latest = await tx.revision.findFirst({ where: { articleId: revision.articleId }, orderBy: { number: "desc" }, select: { id: true } });
    if (latest?.id !== revision.id) {
      throw new AppError("CONFLICT", "The article was re-imported since you opened it; reload the page and select the text again.");
    }

    const anchor = anchorSpan(revision.text, data.sourceStart, data.sourceEnd);
    const twin = await tx.claim.findFirst({
      where: { revisionId: revision.id, sourceStart: anchor.sourceStart, sourceEnd: anchor.sourceEnd, state: { not: "dismissed" } },
      select: { id: true },
    });
    if (twin) throw new AppError("CONFLICT", "A claim already covers exactly this text; select it in the list instead.");

    const last = await tx.claim.aggregate({ where: { revisionId: revision.id }, _max: { position: true } });
    const created = await tx.claim.create({
      data: {
        articleId: revision.articleId,
        revisionId: revision.id,
        kind: data.kind ?? "factual",
        ...anchor,
        score: 1,
        reasons: JSON.stringify([`added by ${displayName(viewer)}`]),
        quantities: JSON.stringify(extractQuantities(anchor.text)),
        origin: "manual",
        state: "open",
        // Past the end for now; renumbering puts it in reading order.
        position: (last._max.position ?? -1) + 1,
      },
      select: { id: true },
    });
    await renumberClaims(tx, revision.id);
    const claim = await tx.claim.findUniqueOrThrow({ where: { id: created.id }, select: CLAIM_SUMMARY });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "claim.add",
      entityType: "claim",
      entityId: claim.id,
      articleId: claim.articleId,
      after: { kind: claim.kind, text: claim.text, sourceStart: claim.sourceStart, sourceEnd: claim.sourceEnd, origin: "manual" },
    });
    return claim;
  });
}
