import Link from "next/link";
import { signOutAction } from "@/app/sign-in/actions";
import { can, type Viewer } from "@/lib/auth/policy";

export function AccountMenu({ viewer }: { viewer: Viewer }) {
  if (!viewer) {
    return (
      <Link href="/sign-in" className="account-link">
        Sign in
      </Link>
    );
  }
  return (
    <form action={signOutAction} className="account-menu">
      <nav aria-label="Account" className="row">
        {can(viewer, "claim.assign") ? <Link href="/desk">Desk</Link> : null}
        {can(viewer, "token.manage") ? <Link href="/settings/tokens">API tokens</Link> : null}
      </nav>
      <span>
        {viewer.name ?? viewer.email} <span className="muted">({viewer.role})</span>
      </span>
      <button type="submit" className="button link">
        Sign out
      </button>
    </form>
  );
}
