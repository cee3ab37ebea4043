import type { Database } from "@/lib/db/create-database";
import { textChanges, type TextChange } from "./text-changes";

/** A claim as it stood in one revision, and how it fares in the other one compared. */
export type RevisionClaim = {
  id: string;
  kind: string;
  /** The claim's state now (states are not kept per revision). */
  state: string;
  text: string;
  sourceStart: number;
  sourceEnd: number;
  /** same: in both with the same text; changed: in both, text edited; only-here: not in the other revision. */
  comparison: "same" | "changed" | "only-here";
};

export type RevisionSide = { id: string; number: number; importedAt: Date; claims: RevisionClaim[] };

export type RevisionComparison = {
  from: RevisionSide;
  to: RevisionSide;
  changes: TextChange[];
  /** Characters inserted and deleted from `from` to `to`. */
  inserted: number;
  deleted: number;
};

/**
 * The diff between two revisions of an article with the claims anchored in each (issue 7). Claims
 * of older revisions come from their ClaimAnchor rows; the latest revision's are read live, so
 * claims added or corrected since its import are shown too. Null when either number is unknown.
 */
export async function compareRevisions(db: Database, input: { articleId: string; from: number; to: number }): Promise<RevisionComparison | null> {
  const revisions = await db.revision.findMany({
    where: { articleId: input.articleId },
    orderBy: { number: "desc" },
    select: { id: true, number: true, importedAt: true, text: true },
  });
  const from = revisions.find((r) => r.number === input.from);
  const to = revisions.find((r) => r.number === input.to);
  if (!from || !to) return null;
  const latestId = revisions[0]?.id;
  const [fromClaims, toClaims] = await Promise.all([claimsOn(db, from.id, from.id === latestId), claimsOn(db, to.id, to.id === latestId)]);

  const changes = textChanges(from.text, to.text);
  const count = (kind: TextChange["kind"]) => changes.filter((c) => c.kind === kind).reduce((n, c) => n + c.text.length, 0);
  const side = (r: typeof from, claims: Anchored[], other: Anchored[]): RevisionSide => {
    const otherText = new Map(other.map((c) => [c.id, c.text]));
    return {
      id: r.id,
      number: r.number,
      importedAt: r.importedAt,
      claims: claims.map((c) => ({
        ...c,
        comparison: !otherText.has(c.id) ? "only-here" : otherText.get(c.id) === c.text ? "same" : "changed",
      })),
    };
  };
  return { from: side(from, fromClaims, toClaims), to: side(to, toClaims, fromClaims), changes, inserted: count("inserted"), deleted: count("deleted") };
}

type Anchored = Omit<RevisionClaim, "comparison">;

async function claimsOn(db: Database, revisionId: string, latest: boolean): Promise<Anchored[]> {
  if (latest) {
    return db.claim.findMany({
      where: { revisionId, state: { not: "orphaned" } },
      orderBy: [{ sourceStart: "asc" }, { position: "asc" }],
      select: { id: true, kind: true, state: true, text: true, sourceStart: true, sourceEnd: true },
    });
  }
  const rows = await db.claimAnchor.findMany({
    where: { revisionId, status: { not: "orphaned" } },
    orderBy: { sourceStart: "asc" },
    select: { claimId: true, text: true, sourceStart: true, sourceEnd: true, claim: { select: { kind: true, state: true } } },
  });
  return rows.map((r) => ({ id: r.claimId, kind: r.claim.kind, state: r.claim.state, text: r.text, sourceStart: r.sourceStart ?? 0, sourceEnd: r.sourceEnd ?? 0 }));
}
