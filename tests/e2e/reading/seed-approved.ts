/**
 * Run by runSeedScript (tests/e2e/support.ts) against the e2e database (DATABASE_URL): gives two claims of an imported article an
 * approved verdict — the first claim (the headline) "Misleading" with a note and a citation, the
 * "1,261 for dangerous drugs" statistic "Accurate", and with --false the next other claim "False" —
 * and publishes the article. Prints what the specs need as JSON.
 * Usage: tsx tests/e2e/reading/seed-approved.ts <slug> [--draft] [--false]
 */
import { publishArticle } from "@/lib/articles/publish-article";
import { createDatabase } from "@/lib/db/create-database";

async function main(): Promise<void> {
  const slug = process.argv[2];
  if (!slug) throw new Error("usage: seed-approved.ts <slug> [--draft]");
  const db = createDatabase(process.env.DATABASE_URL);
  try {
    const editor = await db.user.findUniqueOrThrow({ where: { email: "editor@claimdesk.test" }, select: { id: true, email: true, name: true } });
    const reviewer = await db.user.findUniqueOrThrow({ where: { email: "reviewer@claimdesk.test" }, select: { id: true } });
    const claims = await db.claim.findMany({ where: { article: { slug } }, orderBy: { position: "asc" }, select: { id: true, text: true } });
    const headline = claims[0]!;
    const statistic = claims.find((c) => c.text.includes("1,261 for dangerous drugs"))!;
    const url = "https://www.ice.gov/identify-and-arrest/287g";
    const source = await db.source.upsert({
      where: { normalizedUrl: url },
      create: { url, normalizedUrl: url, title: "Delegation of Immigration Authority Section 287(g)", publisher: "U.S. Immigration and Customs Enforcement" },
      update: {},
      select: { id: true },
    });
    const approve = async (claimId: string, verdict: string, note: string, cite: boolean) => {
      const review = await db.review.create({ data: { claimId, reviewerId: reviewer.id, verdict, confidence: "high", note }, select: { id: true } });
      if (cite) {
        await db.citation.create({
          data: { reviewId: review.id, sourceId: source.id, stance: "context", excerpt: "The 287(g) program allows ICE to delegate certain immigration officer functions." },
        });
      }
      await db.claim.update({ where: { id: claimId }, data: { state: "approved", approvedReviewId: review.id, approvedById: editor.id, approvedAt: new Date() } });
    };
    await approve(headline.id, "misleading", "ICE's own report counts arrests, not **effectiveness**.", true);
    await approve(statistic.id, "accurate", "Matches ICE's FY 2020 figures.", false);
    const rateFalse = process.argv.includes("--false") ? claims.find((c) => c.id !== headline.id && c.id !== statistic.id) : undefined;
    if (rateFalse) await approve(rateFalse.id, "false", "The count is wrong.", false);
    if (!process.argv.includes("--draft")) await publishArticle(db, { slug, viewer: { ...editor, role: "editor" } });
    console.log(JSON.stringify({ headlineId: headline.id, statisticId: statistic.id, falseId: rateFalse?.id ?? null, sourceTitle: "Delegation of Immigration Authority Section 287(g)" }));
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
