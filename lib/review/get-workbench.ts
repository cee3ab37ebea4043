import type { Quantity } from "@/lib/claims";
import type { Database } from "@/lib/db/create-database";
import { ClaimKind, ClaimState, Confidence, Stance, Verdict, type ConfidenceLevel, type StanceName } from "@/lib/domain/vocabulary";
import { claimIdOfEvent, summarizeEvent } from "./audit-history";
import { displayName, type SignedInViewer } from "./claim-rules";
import { parseJsonArray, parseJsonObject, parseReasons, readEnum } from "./json-columns";
import { GetWorkbenchInput } from "./schemas";

export type WorkbenchCitation = {
  id: string;
  source: { id: string; url: string; title: string | null; publisher: string | null; publishedOn: string | null };
  excerpt: string;
  stance: StanceName;
  accessedOn: string | null;
  archiveUrl: string | null;
  position: number;
};

export type WorkbenchReview = {
  id: string;
  reviewer: { id: string; name: string };
  verdict: Verdict | null;
  confidence: ConfidenceLevel | null;
  note: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  citations: WorkbenchCitation[];
};

export type WorkbenchHistoryItem = {
  id: string;
  action: string;
  actorName: string;
  createdAt: Date;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** One line for the history list, e.g. "changed the kind from Statistic to Factual". */
  summary: string;
};

export type WorkbenchClaimData = {
  id: string;
  revisionId: string;
  kind: ClaimKind;
  text: string;
  sourceStart: number;
  sourceEnd: number;
  quote: { exact: string; prefix: string; suffix: string };
  textStart: number | null;
  textEnd: number | null;
  score: number;
  reasons: string[];
  quantities: Quantity[];
  context: string | null;
  /** In a transcript, who said it. */
  speaker: string | null;
  origin: string;
  state: ClaimState;
  position: number;
  dismissReason: string | null;
  assigneeId: string | null;
  approvedReviewId: string | null;
  /** The number of the revision the claim is anchored to: the latest, or an older one for an orphan. */
  revisionNumber: number;
  /** How the claim came onto its revision: exact, changed (the text was edited) or orphaned (lib/revisions). */
  anchorStatus: "exact" | "changed" | "orphaned";
  /** For a changed claim: its text on the revision it was carried from, and that revision's number. */
  previousText: string | null;
  previousRevisionNumber: number | null;
  /** For an orphan: the state re-attaching restores. */
  stateBeforeOrphan: ClaimState | null;
  reviews: WorkbenchReview[];
  /** The viewer's own review of this claim, if any. */
  viewerReviewId: string | null;
  history: WorkbenchHistoryItem[];
};

export type Workbench = {
  article: { id: string; slug: string; title: string; status: string };
  revision: { id: string; number: number; text: string } | null;
  claims: WorkbenchClaimData[];
  /** Non-dismissed claims with at least one verdict, of all non-dismissed claims. */
  progress: { reviewed: number; total: number };
};

const USER = { select: { id: true, name: true, email: true } } as const;
const ANCHOR_STATUSES = ["exact", "changed", "orphaned"] as const;

/**
 * Everything the workbench shows for one article: its latest revision, that revision's claims in
 * reading order (plus orphaned claims from older revisions, kept for editors), every review with
 * its citations, and each claim's history. Null for an unknown slug. The caller has checked that
 * the viewer may open the workbench; all reviews are visible to every reviewer.
 *
 * With `claimIds`, only those claims and their history are loaded (the workbench page loads the
 * full detail of the claims it shows, not of all 2,000); `progress` then counts only those.
 */
export async function getWorkbench(db: Database, input: GetWorkbenchInput & { viewer: SignedInViewer; claimIds?: readonly string[] }): Promise<Workbench | null> {
  const { viewer, claimIds, ...rest } = input;
  const { slug } = GetWorkbenchInput.parse(rest);
  const article = await db.article.findUnique({
    where: { slug },
    select: { id: true, slug: true, title: true, status: true, revisions: { orderBy: { number: "desc" }, take: 1, select: { id: true, number: true, text: true } } },
  });
  if (!article) return null;
  const { revisions, ...head } = article;
  const revision = revisions[0] ?? null;
  const numbers = new Map((await db.revision.findMany({ where: { articleId: article.id }, select: { id: true, number: true } })).map((r) => [r.id, r.number]));

  const claims = await db.claim.findMany({
    where: { articleId: article.id, OR: [{ revisionId: revision?.id ?? "" }, { state: "orphaned" }], ...(claimIds ? { id: { in: [...claimIds] } } : {}) },
    orderBy: [{ position: "asc" }, { sourceStart: "asc" }],
    include: {
      reviews: {
        orderBy: { createdAt: "asc" },
        include: {
          reviewer: USER,
          citations: { orderBy: { position: "asc" }, include: { source: { select: { id: true, url: true, title: true, publisher: true, publishedOn: true } } } },
        },
      },
    },
  });
  // Orphaned claims of older revisions go last: they have no place in the text shown.
  claims.sort((a, b) => Number(a.revisionId !== revision?.id) - Number(b.revisionId !== revision?.id));

  const entityType = { in: ["claim", "review", "citation"] };
  const found = await db.auditEvent.findMany({
    // Of some claims, by their claim's indexes alone: with the article in the WHERE, SQLite walks
    // every event of the article instead. The article is checked below.
    where: claimIds ? { entityType, OR: eventsOf(claimIds) } : { articleId: article.id, entityType },
    // cuid ids grow within a millisecond, so they order two events of one transaction.
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: { actor: USER },
  });
  const events = found.filter((e) => e.articleId === article.id);
  const history = new Map<string, WorkbenchHistoryItem[]>();
  for (const event of events) {
    const before = parseJsonObject(event.before);
    const after = parseJsonObject(event.after);
    const claimId = claimIdOfEvent({ ...event, before, after });
    if (!claimId) continue;
    const item = {
      id: event.id,
      action: event.action,
      actorName: event.actor ? displayName(event.actor) : "the system",
      createdAt: event.createdAt,
      before,
      after,
      summary: summarizeEvent(event.action, before, after),
    };
    history.set(claimId, [...(history.get(claimId) ?? []), item]);
  }

  const shaped = claims.map((claim): WorkbenchClaimData => {
    const reviews = claim.reviews.map((review): WorkbenchReview => ({
      id: review.id,
      reviewer: { id: review.reviewer.id, name: displayName(review.reviewer) },
      verdict: readEnum(Verdict, review.verdict, null),
      confidence: readEnum(Confidence, review.confidence, null),
      note: review.note,
      version: review.version,
      createdAt: review.createdAt,
      updatedAt: review.updatedAt,
      citations: review.citations.map(({ id, source, excerpt, stance, accessedOn, archiveUrl, position }) => ({
        id,
        source,
        excerpt,
        stance: readEnum(Stance, stance, "context"),
        accessedOn,
        archiveUrl,
        position,
      })),
    }));
    return {
      id: claim.id,
      revisionId: claim.revisionId,
      kind: readEnum(ClaimKind, claim.kind, "factual"),
      text: claim.text,
      sourceStart: claim.sourceStart,
      sourceEnd: claim.sourceEnd,
      quote: { exact: claim.quoteExact, prefix: claim.quotePrefix, suffix: claim.quoteSuffix },
      textStart: claim.textStart,
      textEnd: claim.textEnd,
      score: claim.score,
      reasons: parseReasons(claim.reasons),
      quantities: parseJsonArray(claim.quantities).filter(isQuantity),
      context: claim.context,
      speaker: claim.speaker,
      origin: claim.origin,
      state: readEnum(ClaimState, claim.state, "open"),
      revisionNumber: numbers.get(claim.revisionId) ?? 0,
      anchorStatus: ANCHOR_STATUSES.find((s) => s === claim.anchorStatus) ?? "exact",
      previousText: claim.previousText,
      previousRevisionNumber: claim.previousRevisionId ? (numbers.get(claim.previousRevisionId) ?? null) : null,
      stateBeforeOrphan: claim.stateBeforeOrphan ? readEnum(ClaimState, claim.stateBeforeOrphan, "open") : null,
      position: claim.position,
      dismissReason: claim.dismissReason,
      assigneeId: claim.assigneeId,
      approvedReviewId: claim.approvedReviewId,
      reviews,
      viewerReviewId: reviews.find((r) => r.reviewer.id === viewer.id)?.id ?? null,
      history: history.get(claim.id) ?? [],
    };
  });

  const active = shaped.filter((c) => c.state !== "dismissed");
  const reviewed = active.filter((c) => c.reviews.some((r) => r.verdict !== null)).length;
  return { article: head, revision, claims: shaped, progress: { reviewed, total: active.length } };
}

/**
 * The events of these claims, by AuditEvent.claimId (indexed, written by recordAudit), and the
 * claim's own events by their entity too (writers that do not set the column yet: desk assignment,
 * re-anchoring on import). claimIdOfEvent still decides for each event found.
 */
function eventsOf(claimIds: readonly string[]) {
  return [{ claimId: { in: [...claimIds] } }, { entityType: "claim", entityId: { in: [...claimIds] } }];
}

function isQuantity(value: unknown): value is Quantity {
  return typeof value === "object" && value !== null && typeof (value as Quantity).value === "number" && typeof (value as Quantity).raw === "string";
}
