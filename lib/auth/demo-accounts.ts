import type { Database } from "@/lib/db/create-database";
import type { Role } from "@/lib/domain/vocabulary";
import { hashPassword } from "./password";

/** The demo password, written in the README; these accounts exist only outside production. */
export const DEMO_PASSWORD = "claimdesk-demo";

export const DEMO_ACCOUNTS: ReadonlyArray<{ email: string; name: string; role: Role }> = [
  { email: "admin@claimdesk.test", name: "Ada Admin", role: "admin" },
  { email: "editor@claimdesk.test", name: "Eddie Editor", role: "editor" },
  { email: "reviewer@claimdesk.test", name: "Rita Reviewer", role: "reviewer" },
  { email: "reviewer2@claimdesk.test", name: "Ravi Reviewer", role: "reviewer" },
];

/**
 * Creates the demo accounts that are missing. Refuses to run in production, so a deployment can
 * never carry a known password, whatever calls it.
 */
export async function ensureDemoAccounts(db: Database, env: string | undefined = process.env.NODE_ENV): Promise<string[]> {
  if (env === "production") return [];
  const created: string[] = [];
  for (const account of DEMO_ACCOUNTS) {
    const existing = await db.user.findUnique({ where: { email: account.email }, select: { id: true } });
    if (existing) continue;
    await db.user.create({ data: { ...account, passwordHash: await hashPassword(DEMO_PASSWORD) }, select: { id: true } });
    created.push(account.email);
  }
  return created;
}
