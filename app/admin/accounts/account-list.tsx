"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Role } from "@/lib/domain/vocabulary";
import type { ErrorBody } from "@/lib/errors";
import { humanDateTime } from "@/lib/export/human-date";
import { changeRoleAction, resetPasswordAction, setAccountDisabledAction } from "./actions";
import { OneTimePassword } from "./one-time-password";

export type AccountRow = { id: string; email: string; name: string | null; role: Role; disabled: boolean; lastSignInAt: string | null; hasPassword: boolean };

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;

/** Every account with its role (changed in place), state, last sign-in, and disable / reset buttons. */
export function AccountList({ accounts, viewerId }: { accounts: AccountRow[]; viewerId: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [roles, setRoles] = useState<Record<string, Role>>({});
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [reset, setReset] = useState<{ email: string; password: string } | null>(null);

  function run<T>(action: () => Promise<{ ok: true; data: T } | { ok: false; error: ErrorBody }>, done: (data: T) => string, refused?: () => void) {
    startTransition(async () => {
      const result = await action();
      if (result.ok) {
        setError(null);
        setStatus(done(result.data));
        router.refresh();
      } else {
        setStatus(null);
        setError(result.error);
        refused?.();
      }
    });
  }

  const changeRole = (account: AccountRow) => {
    const role = roles[account.id] ?? account.role;
    run(
      () => changeRoleAction({ userId: account.id, role }),
      (d) => `${d.email} is now ${/^[aeiou]/.test(d.role) ? "an" : "a"} ${d.role}.`,
      // Refused: the select shows the role the account still has.
      () =>
        setRoles((r) => {
          const rest = { ...r };
          delete rest[account.id];
          return rest;
        }),
    );
  };
  const toggle = (account: AccountRow) =>
    run(
      () => setAccountDisabledAction({ userId: account.id, disabled: !account.disabled }),
      (d) =>
        d.disabled
          ? `Disabled ${d.email}: signed out everywhere (${count(d.sessionsEnded, "session")}), ${count(d.tokensRevoked, "API token")} revoked.`
          : `Enabled ${d.email} again.`,
    );
  const resetPassword = (account: AccountRow) =>
    run(
      () => resetPasswordAction({ userId: account.id }),
      (d) => {
        setReset(d);
        return `Gave ${d.email} a new one-time password; their sessions have ended.`;
      },
    );

  return (
    <section className="stack" aria-labelledby="accounts-heading">
      <h2 id="accounts-heading">All accounts</h2>
      <div role="status" aria-live="polite" className="accounts-status">
        {status}
      </div>
      {error ? (
        <div role="alert" className="form-error">
          {error.message}
        </div>
      ) : null}
      {reset ? <OneTimePassword email={reset.email} password={reset.password} onHide={() => setReset(null)} /> : null}
      <div className="table-scroll">
        <table className="listing accounts-table" aria-labelledby="accounts-heading">
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">State</th>
              <th scope="col">Last sign-in</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr key={a.id} data-account-email={a.email} className={a.disabled ? "disabled-account" : undefined}>
                <th scope="row">
                  {a.email}
                  {a.id === viewerId ? <span className="muted"> (you)</span> : null}
                </th>
                <td>{a.name ?? <span className="muted">none</span>}</td>
                <td>
                  <form
                    className="role-form"
                    onSubmit={(e) => {
                      e.preventDefault();
                      changeRole(a);
                    }}
                  >
                    <select
                      aria-label={`Role of ${a.email}`}
                      value={roles[a.id] ?? a.role}
                      onChange={(e) => {
                        const role = e.currentTarget.value as Role;
                        setRoles((r) => ({ ...r, [a.id]: role }));
                      }}
                    >
                      {Role.options.map((role) => (
                        <option key={role} value={role}>
                          {role}
                        </option>
                      ))}
                    </select>
                    <button type="submit" className="button" disabled={pending || (roles[a.id] ?? a.role) === a.role} aria-label={`Save role for ${a.email}`}>
                      Save role
                    </button>
                  </form>
                </td>
                <td>
                  {a.disabled ? <strong>Disabled</strong> : "Active"}
                  {a.hasPassword ? null : <span className="muted"> · no password</span>}
                </td>
                <td>{a.lastSignInAt ? humanDateTime(a.lastSignInAt) : <span className="muted">not in the past day</span>}</td>
                <td>
                  <div className="account-actions">
                    <button type="button" className="button" disabled={pending} aria-label={`${a.disabled ? "Enable" : "Disable"} ${a.email}`} onClick={() => toggle(a)}>
                      {a.disabled ? "Enable" : "Disable"}
                    </button>
                    <button type="button" className="button" disabled={pending} aria-label={`Reset password for ${a.email}`} onClick={() => resetPassword(a)}>
                      Reset password
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
