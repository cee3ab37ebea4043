import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/domain/vocabulary";

/**
 * The one policy module: who may do what (../shared/DESIGN.md §1). Every server action and route
 * handler asks here, through the wrappers in lib/auth/guard.ts; pages ask here only to decide what to
 * show. A reader is anyone not signed in.
 */
export type Viewer = { id: string; role: Role; email: string; name: string | null } | null;

const REVIEWERS: readonly Role[] = ["reviewer", "editor", "admin"];
const EDITORS: readonly Role[] = ["editor", "admin"];
const ADMINS: readonly Role[] = ["admin"];

export const PERMISSIONS = {
  /** Open the workbench, read drafts, claims and every review. */
  "workbench.view": REVIEWERS,
  "article.import": REVIEWERS,
  /** Write one's own review of a claim, with its citations. */
  "review.write": REVIEWERS,
  /** Add, split, merge, retype, dismiss and restore claims. */
  "claim.correct": REVIEWERS,
  /** Mark a number check (lib/numbers-review) explained, with the reason, in the claims' history. */
  "number_check.explain": REVIEWERS,
  "claim.assign": EDITORS,
  "claim.approve": EDITORS,
  "claim.reopen": EDITORS,
  "article.publish": EDITORS,
  "article.export": REVIEWERS,
  /** Restore an article from a backup.json upload (may create accounts without passwords). */
  "article.restore": EDITORS,
  "token.manage": REVIEWERS,
  /** Change one's own name and password. */
  "profile.edit": REVIEWERS,
  "user.manage": ADMINS,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** Whether the viewer holds the permission. */
export function can(viewer: Viewer, permission: Permission): boolean {
  return viewer !== null && (PERMISSIONS[permission] as readonly Role[]).includes(viewer.role);
}

/**
 * Whether the viewer may see this article at all: its title, text, claims and exports. Everyone once
 * it is published; before that (draft, in review) only staff who may open the workbench. Every read
 * of an article asks here, so a reader's view of drafts is decided in this one place; a read that
 * says no answers as if the article did not exist (404), never with a 403 that would confirm it.
 */
export function canSeeArticle(viewer: Viewer, article: { status: string }): boolean {
  return article.status === "published" || can(viewer, "workbench.view");
}

/** Throws UNAUTHENTICATED (401) for a reader, FORBIDDEN (403) for a signed-in user without the right. */
export function assertCan(viewer: Viewer, permission: Permission): asserts viewer is NonNullable<Viewer> {
  // A session that has ended (signed out elsewhere, account disabled or removed) reads as a reader too.
  if (viewer === null) throw new AppError("UNAUTHENTICATED", "Sign in to do this.");
  if (!can(viewer, permission)) {
    throw new AppError("FORBIDDEN", `Your role (${viewer.role}) may not do this: it needs ${describe(permission)}.`);
  }
}

/** A reviewer edits only their own review; editors and admins may edit any (when approving). */
export function assertOwnsReview(viewer: NonNullable<Viewer>, review: { reviewerId: string }): void {
  if (review.reviewerId !== viewer.id && !EDITORS.includes(viewer.role)) {
    throw new AppError("FORBIDDEN", "This review belongs to another reviewer; write your own review instead.");
  }
}

function describe(permission: Permission): string {
  const roles = PERMISSIONS[permission] as readonly Role[];
  if (roles === ADMINS) return "an admin";
  if (roles === EDITORS) return "an editor";
  return "a reviewer";
}
