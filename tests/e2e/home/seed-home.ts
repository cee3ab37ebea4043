/**
 * Run by runSeedScript (tests/e2e/support.ts) against the e2e database (DATABASE_URL), after reading/seed-approved.ts has approved
 * two claims: assigns three other claims of the article to reviewer@claimdesk.test, gives the first
 * of them a finished review (state "reviewed") and dismisses one unassigned claim, then prints the
 * numbers the front page should show as JSON. Usage: tsx tests/e2e/home/seed-home.ts <slug>
 */
import { createDatabase } from "@/lib/db/create-database";

async function main(): Promise<void> {
  const slug = process.argv[2];
  if (!slug) throw new Error("usage: seed-home.ts <slug>");
  const db = createDatabase(process.env.DATABASE_URL);
  try {
    const reviewer = await db.user.findUniqueOrThrow({ where: { email: "reviewer@claimdesk.test" }, select: { id: true } });
    const open = await db.claim.findMany({ where: { article: { slug }, state: "open" }, orderBy: { position: "asc" }, select: { id: true } });
    const [first, second, third, dismissed] = open;
    if (!dismissed) throw new Error(`${slug} has fewer than four open claims`);
    await db.claim.updateMany({ where: { id: { in: [first!.id, second!.id, third!.id] } }, data: { assigneeId: reviewer.id } });
    await db.review.create({ data: { claimId: first!.id, reviewerId: reviewer.id, verdict: "accurate", confidence: "high", note: "Checked." } });
    await db.claim.update({ where: { id: first!.id }, data: { state: "reviewed" } });
    await db.claim.update({ where: { id: dismissed.id }, data: { state: "dismissed", dismissReason: "Not a claim." } });
    const total = await db.claim.count({ where: { article: { slug }, state: { not: "dismissed" } } });
    console.log(JSON.stringify({ total, reviewed: 3, approved: 2, assigned: 3 }));
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
