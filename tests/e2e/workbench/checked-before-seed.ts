/**
 * Run by runSeedScript (tests/e2e/support.ts) against the e2e database (DATABASE_URL): gives the seed article's "from 36 to 149"
 * statistic a review by Ravi Reviewer (verdict, note and one cited source) that Eddie Editor
 * approves, through the review verbs (so the matcher's index triggers fire as in the app), and
 * publishes the article. Prints the claim, the note and the source as JSON.
 * Usage: tsx tests/e2e/workbench/checked-before-seed.ts <slug>
 */
import { publishArticle } from "@/lib/articles/publish-article";
import { createDatabase } from "@/lib/db/create-database";
import { addCitation } from "@/lib/review/add-citation";
import { approveClaim } from "@/lib/review/approve-claim";
import { saveReview } from "@/lib/review/save-review";

const NOTE = "ICE's own list counts **149** agencies in 2021, up from 36 in 2017.";
const SOURCE = { url: "https://www.ice.gov/identify-and-arrest/287g", title: "Delegation of Immigration Authority Section 287(g)", publisher: "U.S. Immigration and Customs Enforcement" };

async function main(): Promise<void> {
  const slug = process.argv[2];
  if (!slug) throw new Error("usage: checked-before-seed.ts <slug>");
  const db = createDatabase(process.env.DATABASE_URL);
  try {
    const user = (email: string) => db.user.findUniqueOrThrow({ where: { email }, select: { id: true, email: true, name: true, role: true } });
    const [editor, reviewer] = await Promise.all([user("editor@claimdesk.test"), user("reviewer2@claimdesk.test")]);
    const statistic = await db.claim.findFirstOrThrow({ where: { article: { slug }, text: { contains: "from 36 to 149" } }, select: { id: true, text: true } });
    const asReviewer = { ...reviewer, role: "reviewer" as const };
    const review = await saveReview(db, { viewer: asReviewer, claimId: statistic.id, verdict: "accurate", confidence: "high", note: NOTE, expectedVersion: null });
    await addCitation(db, { viewer: asReviewer, claimId: statistic.id, ...SOURCE, stance: "supports", excerpt: "The 287(g) program allows ICE to delegate certain immigration officer functions." });
    const asEditor = { ...editor, role: "editor" as const };
    await approveClaim(db, { viewer: asEditor, claimId: statistic.id, reviewId: review.id });
    await publishArticle(db, { slug, viewer: asEditor });
    console.log(JSON.stringify({ claimId: statistic.id, text: statistic.text, note: NOTE, source: SOURCE }));
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
