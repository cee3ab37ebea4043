import { importArticle } from "@/lib/articles/import-article";
import { publishArticle } from "@/lib/articles/publish-article";
import type { Viewer } from "@/lib/auth/policy";
import type { Database } from "@/lib/db/create-database";
import { assignClaims } from "@/lib/desk/assign-claims";
import type { Role } from "@/lib/domain/vocabulary";
import { addCitation } from "@/lib/review/add-citation";
import { approveClaim } from "@/lib/review/approve-claim";
import { dismissClaim } from "@/lib/review/dismiss-claim";
import { saveReview } from "@/lib/review/save-review";
import { reattachClaim } from "@/lib/revisions/reattach-claim";
import { FIXTURE_MARKDOWN } from "./fixture";

/**
 * The article the backup tests restore: three revisions built through the real verbs, so the backup
 * meets every column the app writes. Revision 2 changes a number (an approved claim goes back to
 * review), deletes two sentences (an approved and a reviewed claim are orphaned) and adds one;
 * revision 3 adds a sentence the reviewed orphan is re-attached to. Along the way: reviews, a
 * second version of one, citations, approvals, a dismissal, an assignment and publishing.
 */
export const BACKUP_SLUG = "harbor-revised";

const BOATS_LINE = "- required to register boats longer than 16 feet, with a fee of $45;\n";
const SAFER_LINE = "Council member Jo Lee said the harbor plan has made the waterfront safer.\n";
const ADDED_TWO = "The harbor fund grew by 12 percent in 2023, to $8.5 million.\n";
export const REATTACH_SENTENCE = "Owners must register boats longer than 16 feet and pay a $45 fee.";

const REVISION_ONE = FIXTURE_MARKDOWN;
const REVISION_TWO = REVISION_ONE.replace("$3.1 million", "$3.2 million").replace(BOATS_LINE, "").replace(SAFER_LINE, ADDED_TWO);
const REVISION_THREE = `${REVISION_TWO}\n${REATTACH_SENTENCE}\n`;

export type BackupArticle = Awaited<ReturnType<typeof buildBackupArticle>>;

export async function buildBackupArticle(db: Database) {
  const person = async (email: string, name: string | null, role: Role, passwordHash?: string): Promise<NonNullable<Viewer>> => {
    const user = await db.user.create({ data: { email, name, role, passwordHash } });
    return { id: user.id, email: user.email, name: user.name, role };
  };
  const eve = await person("eve@desk.example", "Eve Editor", "editor", "scrypt$secret-hash");
  const ann = await person("ann@desk.example", "Ann Reviewer", "reviewer", "scrypt$another");
  const bo = await person("bo@desk.example", null, "reviewer");

  await importArticle(db, { text: REVISION_ONE, fileName: `${BACKUP_SLUG}.md`, slug: BACKUP_SLUG, actorId: eve.id });
  const claims = await db.claim.findMany({ where: { article: { slug: BACKUP_SLUG } } });
  const find = (part: string) => {
    const claim = claims.find((c) => c.text.includes(part));
    if (!claim) throw new Error(`backup article: no claim with "${part}" (the extractor changed?)`);
    return claim.id;
  };
  const spending = find("$4.2 million");
  const leadIn = find("Under the new rules");
  const boats = find("register boats");
  const parking = find("48 hours");
  const safer = find("made the waterfront safer");

  const spendingReview = await saveReview(db, { viewer: ann, claimId: spending, verdict: "accurate", confidence: "high", note: "The adopted budget shows **$4.2 million**.", expectedVersion: null });
  await addCitation(db, { viewer: ann, claimId: spending, url: "https://harbor.example/budget-2023.pdf?utm_source=mail", title: 'Adopted budget 2023, "roads" chapter', excerpt: "Road repairs: $4,200,000", stance: "supports", accessedOn: "2024-03-06" });
  await approveClaim(db, { viewer: eve, claimId: spending, reviewId: spendingReview.id });

  const saferReview = await saveReview(db, { viewer: ann, claimId: safer, verdict: "opinion", confidence: "medium", note: "A judgement, not checkable.", expectedVersion: null });
  await approveClaim(db, { viewer: eve, claimId: safer, reviewId: saferReview.id });

  await assignClaims(db, { viewer: eve, slug: BACKUP_SLUG, assigneeId: bo.id, claimIds: [boats, parking] });
  await saveReview(db, { viewer: bo, claimId: boats, verdict: "missing_context", confidence: "high", note: "Motor boats only.", expectedVersion: null });
  await addCitation(db, { viewer: bo, claimId: boats, url: "https://harbor.example/ordinances/boats", title: "Boat registration ordinance", publisher: "City Council", excerpt: "Section 4(b): motor vessels only", stance: "context" });
  const parkingReview = await saveReview(db, { viewer: bo, claimId: parking, verdict: "false", confidence: "high", note: 'Signs say 24 hours, "not 48".', expectedVersion: null });
  await addCitation(db, { viewer: bo, claimId: parking, url: "https://harbor.example/parking?zone=harbor&hours=24", stance: "refutes", archiveUrl: "https://web.archive.org/web/2024/https://harbor.example/parking" });
  await approveClaim(db, { viewer: eve, claimId: parking, reviewId: parkingReview.id });
  await dismissClaim(db, { viewer: eve, claimId: leadIn, reason: "a lead-in, not a claim" });

  await importArticle(db, { text: REVISION_TWO, fileName: `${BACKUP_SLUG}.md`, slug: BACKUP_SLUG, actorId: eve.id });
  // The changed number sent the spending claim back to review: Ann updates her review, Eve approves again.
  const updated = await saveReview(db, { viewer: ann, claimId: spending, reviewId: spendingReview.id, verdict: "mostly_accurate", confidence: "high", note: "2022 was $3.2 million after the amendment.", expectedVersion: spendingReview.version });
  await approveClaim(db, { viewer: eve, claimId: spending, reviewId: updated.id });

  await importArticle(db, { text: REVISION_THREE, fileName: `${BACKUP_SLUG}.md`, slug: BACKUP_SLUG, actorId: eve.id });
  const three = await db.revision.findFirstOrThrow({ where: { article: { slug: BACKUP_SLUG }, number: 3 } });
  const start = three.text.indexOf(REATTACH_SENTENCE);
  await reattachClaim(db, { viewer: eve, claimId: boats, revisionId: three.id, sourceStart: start, sourceEnd: start + REATTACH_SENTENCE.length });
  await publishArticle(db, { viewer: eve, slug: BACKUP_SLUG });

  return {
    users: { eve, ann, bo },
    /** `safer` is still orphaned (it was approved); `boats` was orphaned and re-attached; `spending` changed. */
    claims: { spending, leadIn, boats, parking, safer },
    revisionThreeId: three.id,
  };
}
