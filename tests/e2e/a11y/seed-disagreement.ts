/**
 * Run by runSeedScript (tests/e2e/support.ts) against the e2e database (DATABASE_URL): Rita and Ravi review the first three claims
 * of an imported article — claim 1 Accurate against False (a disagreement), claim 2 Misleading from
 * both, claim 3 from Rita only — so an article's desk shows every kind of row.
 * Usage: tsx tests/e2e/a11y/seed-disagreement.ts <slug>
 */
import { createDatabase } from "@/lib/db/create-database";

async function main(): Promise<void> {
  const slug = process.argv[2];
  if (!slug) throw new Error("usage: seed-disagreement.ts <slug>");
  const db = createDatabase(process.env.DATABASE_URL);
  try {
    const person = (email: string) => db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    const [rita, ravi] = await Promise.all([person("reviewer@claimdesk.test"), person("reviewer2@claimdesk.test")]);
    const claims = await db.claim.findMany({ where: { article: { slug } }, orderBy: { position: "asc" }, take: 3, select: { id: true } });
    const [first, second, third] = claims;
    if (!first || !second || !third) throw new Error(`${slug} has fewer than three claims`);
    const reviews = [
      [first.id, rita.id, "accurate"],
      [first.id, ravi.id, "false"],
      [second.id, rita.id, "misleading"],
      [second.id, ravi.id, "misleading"],
      [third.id, rita.id, "unsupported"],
    ] as const;
    for (const [claimId, reviewerId, verdict] of reviews) {
      await db.review.create({ data: { claimId, reviewerId, verdict, confidence: "medium", note: `Seen as ${verdict}.` } });
    }
    await db.claim.updateMany({ where: { id: { in: claims.map((c) => c.id) } }, data: { state: "reviewed", assigneeId: rita.id } });
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
