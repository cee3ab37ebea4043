import { PERMISSIONS } from "@/lib/auth/policy";
import type { Database } from "@/lib/db/create-database";
import { displayName } from "@/lib/review/claim-rules";

export type Reviewer = { id: string; name: string; role: string };

/** Everyone who may review claims, by name: the people an editor can assign claims to. */
export async function listReviewers(db: Database): Promise<Reviewer[]> {
  const users = await db.user.findMany({
    where: { role: { in: [...PERMISSIONS["review.write"]] } },
    select: { id: true, name: true, email: true, role: true },
  });
  return users.map((u) => ({ id: u.id, name: displayName(u), role: u.role })).sort((a, b) => a.name.localeCompare(b.name));
}
