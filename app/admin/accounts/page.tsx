import type { Metadata } from "next";
import { listAccounts } from "@/lib/accounts";
import { requirePageViewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { AccountList } from "./account-list";
import { CreateAccountForm } from "./create-account-form";
import "../../desk/desk.css";
import "./accounts.css";

export const metadata: Metadata = { title: "Accounts" };

export default async function AccountsPage() {
  const viewer = await requirePageViewer("user.manage", "/admin/accounts");
  const accounts = await listAccounts(db);
  return (
    <div className="stack accounts-page">
      <h1>Accounts</h1>
      <p className="muted">
        Everyone who can sign in to the desk. A new account gets a one-time password, shown to you once: give it to its owner, who signs in and
        changes it under Profile. A role change counts on the account&apos;s next request; disabling signs it out everywhere and revokes its API
        tokens.
      </p>
      <CreateAccountForm />
      <AccountList
        viewerId={viewer.id}
        accounts={accounts.map((a) => ({
          id: a.id,
          email: a.email,
          name: a.name,
          role: a.role,
          disabled: a.disabledAt !== null,
          lastSignInAt: a.lastSignInAt?.toISOString() ?? null,
          hasPassword: a.hasPassword,
        }))}
      />
    </div>
  );
}
