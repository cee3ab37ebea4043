import type { Database } from "@/lib/db/create-database";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { BackupFile as Backup } from "./backup";

type Tx = Parameters<Parameters<Database["$transaction"]>[0]>[0];

/**
 * Who restores a backup. A signed-in person restores within their role; "operator" is whoever runs
 * `npm run restore` on the machine, who already holds the database file and counts as an admin.
 */
export type Restorer = { id: string; role: string } | "operator";

/** What the restore may do for this restorer: who the audit trail names, and whether accounts may be created. */
export function restorerRights(restorer: Restorer | undefined): { actorId: string | null; mayCreateAccounts: boolean } {
  if (restorer === "operator") return { actorId: null, mayCreateAccounts: true };
  // Not said who restores: the safe reading is "not an admin".
  if (restorer === undefined) return { actorId: null, mayCreateAccounts: false };
  return { actorId: restorer.id, mayCreateAccounts: restorer.role === "admin" };
}

/** The ids of the file's people that its rows name: the only ones a restore needs. */
export function namedPeople(b: Backup): Set<string> {
  const ids = new Set<string>();
  const note = (id: string | null) => {
    if (id !== null) ids.add(id);
  };
  for (const r of b.revisions) note(r.importedById);
  for (const c of b.claims) {
    note(c.assigneeId);
    note(c.approvedById);
  }
  for (const r of b.reviews) note(r.reviewerId);
  for (const e of b.auditEvents) note(e.actorId);
  return ids;
}

/**
 * Maps each person the file's rows name to an account of this database by email (ignoring case).
 * An existing account is used as it is: the file never changes anyone's role, name or password, so
 * a backup cannot promote its uploader. A person with no account here is created only when the
 * restorer may create accounts, and then as a reviewer who cannot sign in (no password, disabled)
 * until an admin says otherwise; for anyone else the restore is refused, naming them, before a
 * single row is written.
 */
export async function matchPeople(tx: Tx, b: Backup, options: { mayCreateAccounts: boolean; now: Date }): Promise<{ ids: Map<string, string>; created: number; matched: number }> {
  const named = namedPeople(b);
  const people = b.users.filter((p) => named.has(p.id));
  const ids = new Map<string, string>();
  if (people.length === 0) return { ids, created: 0, matched: 0 };

  // Case-insensitive, which Prisma's SQLite filters are not: ANN@ and ann@ are one person.
  const emails = [...new Set(people.map((p) => p.email.toLowerCase()))];
  const known = await tx.$queryRaw<{ id: string; email: string }[]>`SELECT "id", "email" FROM "User" WHERE lower("email") IN (${Prisma.join(emails)})`;
  const byEmail = new Map(known.map((u) => [u.email.toLowerCase(), u.id]));
  const unknown = people.filter((p) => !byEmail.has(p.email.toLowerCase()));
  if (unknown.length > 0 && !options.mayCreateAccounts) {
    const list = unknown.map((p) => p.email).sort().join(", ");
    throw new AppError(
      "FORBIDDEN",
      `This backup names people who have no account here: ${list}. Only an admin may restore it, creating them as disabled reviewers. Ask an admin to restore this backup, or create these accounts first; nothing was restored.`,
      { details: { unknownEmails: unknown.map((p) => p.email) } },
    );
  }

  for (const person of people) {
    const match = byEmail.get(person.email.toLowerCase());
    if (match) ids.set(person.id, match);
  }
  const taken = new Set((await tx.user.findMany({ where: { id: { in: unknown.map((p) => p.id) } }, select: { id: true } })).map((u) => u.id));
  for (const person of unknown) {
    // The file's role is not taken: a restored person is a reviewer who cannot sign in yet.
    const user = await tx.user.create({
      data: { ...(taken.has(person.id) ? {} : { id: person.id }), email: person.email.toLowerCase(), name: person.name, role: "reviewer", disabledAt: options.now },
      select: { id: true },
    });
    ids.set(person.id, user.id);
  }
  return { ids, created: unknown.length, matched: people.length - unknown.length };
}
