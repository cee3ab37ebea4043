import { can, type Viewer } from "./policy";

/** One page of the signed-in person's own corner of the header. */
export type AccountLink = { href: string; label: string };

/**
 * The links of the account menu, in order, for this viewer: one list for both headers (the React
 * pages' AccountMenu and the reading view's hast shell), so a page added here appears in both.
 */
export function accountLinks(viewer: NonNullable<Viewer>): AccountLink[] {
  const links: (AccountLink | null)[] = [
    can(viewer, "claim.assign") ? { href: "/desk", label: "Desk" } : null,
    can(viewer, "profile.edit") ? { href: "/settings/profile", label: "Profile" } : null,
    can(viewer, "token.manage") ? { href: "/settings/tokens", label: "API tokens" } : null,
    can(viewer, "user.manage") ? { href: "/admin/accounts", label: "Accounts" } : null,
  ];
  return links.filter((l): l is AccountLink => l !== null);
}
