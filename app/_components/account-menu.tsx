import Link from "next/link";
import { accountLinks } from "@/lib/auth/account-links";
import type { Viewer } from "@/lib/auth/policy";

/**
 * The account corner of every React page's header (app/layout.tsx): the signed-in person's pages
 * and a way out. "Sign out" is a plain form POST to our own /sign-out route, not a server action
 * or Auth.js's /api/auth/signout (a confirmation page that posted to whatever host Auth.js thought
 * it was on, and failed at 127.0.0.1): it works on every host name, and without JavaScript.
 */
export function AccountMenu({ viewer }: { viewer: Viewer }) {
  if (!viewer) {
    return (
      <Link href="/sign-in" className="account-link">
        Sign in
      </Link>
    );
  }
  return (
    <div className="account-menu">
      <nav aria-label="Account" className="row">
        {accountLinks(viewer).map((l) => (
          <Link key={l.href} href={l.href}>
            {l.label}
          </Link>
        ))}
      </nav>
      <span>
        {viewer.name ?? viewer.email} <span className="muted">({viewer.role})</span>
      </span>
      {/* Home afterwards: the page it was on may need the session that just ended. */}
      <form method="post" action="/sign-out" className="inline-form">
        <input type="hidden" name="returnTo" value="/" />
        <button type="submit" className="button link">
          Sign out
        </button>
      </form>
    </div>
  );
}
