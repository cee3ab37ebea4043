import { assertCan, can } from "@/lib/auth/policy";
import type { Database } from "@/lib/db/create-database";
import { Role } from "@/lib/domain/vocabulary";
import { AppError } from "@/lib/errors";
import type { SignedInViewer } from "@/lib/review/claim-rules";
import { AssignClaimsInput } from "./schemas";

export type AssignOutcome = {
  /** Claims whose assignee changed. */
  assigned: number;
  /** Claims that already had this assignee. */
  unchanged: number;
  assignee: { id: string; name: string } | null;
};

/** Claims an editor may hand out: approved and dismissed ones are decisions, not work. */
const ASSIGNABLE_STATES = ["open", "in_review", "reviewed", "orphaned"];

/**
 * An editor assigns claims of one article to a person who may review (or, with `assigneeId: null`,
 * takes them off everyone's list): the selected claims, or every assignable claim nobody has yet.
 * Each changed claim gets a `claim.assign` audit event in the same transaction.
 */
export async function assignClaims(db: Database, input: AssignClaimsInput & { viewer: SignedInViewer }): Promise<AssignOutcome> {
  const { viewer, ...rest } = input;
  assertCan(viewer, "claim.assign");
  const data = AssignClaimsInput.parse(rest);
  return db.$transaction(async (tx) => {
    const article = await tx.article.findUnique({ where: { slug: data.slug }, select: { id: true } });
    if (!article) throw new AppError("NOT_FOUND", `There is no article "${data.slug}".`);

    let assignee: AssignOutcome["assignee"] = null;
    if (data.assigneeId !== null) {
      const person = await tx.user.findUnique({ where: { id: data.assigneeId }, select: { id: true, name: true, email: true, role: true } });
      const role = Role.safeParse(person?.role);
      if (!person || !role.success) throw new AppError("NOT_FOUND", "That person has no account here; reload the page.");
      if (!can({ id: person.id, email: person.email, name: person.name, role: role.data }, "review.write")) {
        throw new AppError("BAD_INPUT", `${person.name ?? person.email} may not review claims, so claims cannot be assigned to them.`);
      }
      assignee = { id: person.id, name: person.name ?? person.email };
    }

    const claims = await tx.claim.findMany({
      where: data.allUnassigned
        ? { articleId: article.id, assigneeId: null, state: { in: ASSIGNABLE_STATES } }
        : { articleId: article.id, id: { in: data.claimIds } },
      select: { id: true, state: true, assigneeId: true },
    });
    if (!data.allUnassigned) {
      const found = new Set(claims.map((c) => c.id));
      const missing = data.claimIds.filter((id) => !found.has(id));
      if (missing.length > 0) throw new AppError("NOT_FOUND", `${missing.length} of the selected claims are not claims of this article; reload the page.`);
      const locked = claims.filter((c) => !ASSIGNABLE_STATES.includes(c.state));
      if (locked.length > 0) {
        throw new AppError("CONFLICT", `${locked.length} of the selected claims are approved or dismissed; reopen or restore them before assigning.`);
      }
    }

    const changed = claims.filter((c) => c.assigneeId !== data.assigneeId);
    if (changed.length > 0) {
      await tx.claim.updateMany({ where: { id: { in: changed.map((c) => c.id) } }, data: { assigneeId: data.assigneeId } });
      await tx.auditEvent.createMany({
        data: changed.map((c) => ({
          actorId: viewer.id,
          action: "claim.assign",
          entityType: "claim",
          entityId: c.id,
          claimId: c.id,
          articleId: article.id,
          before: JSON.stringify({ assigneeId: c.assigneeId }),
          after: JSON.stringify({ assigneeId: data.assigneeId }),
        })),
      });
    }
    return { assigned: changed.length, unchanged: claims.length - changed.length, assignee };
  });
}
