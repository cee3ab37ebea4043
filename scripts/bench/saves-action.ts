/**
 * The save action of app/articles/[slug]/review/actions.ts, in process and step for step, without
 * Next's request around it: the session cookie's JWT is decoded and signed again with a later
 * expiry (what Auth.js's auth() does on every call, lib/auth/viewer.ts), its Session row
 * read with its user (findSessionViewer, as getWritingViewer does), the permission checked
 * (assertCan), the input parsed with the operation's schema, and saveReview run. With `answer`,
 * also the claim as the action sends it back (getClaimDetail → toClaimView).
 */
import { decode, encode } from "next-auth/jwt";
import { toClaimView } from "@/app/articles/[slug]/review/claim-view";
import { assertCan } from "@/lib/auth/policy";
import { findSessionViewer } from "@/lib/auth/sessions";
import type { Database } from "@/lib/db/create-database";
import { AppError } from "@/lib/errors";
import { getClaimDetail } from "@/lib/review/get-claim-detail";
import { saveReview } from "@/lib/review/save-review";
import { SaveReviewInput } from "@/lib/review/schemas";
import { SESSION_COOKIE, type BenchReviewer } from "./saves-seed";

export type ActionSave = { reviewId: string; version: number };

export async function saveThroughAction(
  db: Database,
  options: { secret: string; cookie: string; input: SaveReviewInput; answer: boolean },
): Promise<ActionSave> {
  const token = await decode({ token: options.cookie.slice(SESSION_COOKIE.length + 1), secret: options.secret, salt: SESSION_COOKIE });
  if (token) await encode({ token, secret: options.secret, salt: SESSION_COOKIE });
  const sid = typeof token?.sid === "string" ? token.sid : undefined;
  const viewer = await findSessionViewer(db, sid);
  if (sid && !viewer) throw new AppError("UNAUTHENTICATED", "session ended");
  assertCan(viewer, "review.write");
  const input = SaveReviewInput.parse(options.input);
  const review = await saveReview(db, { viewer, ...input });
  if (options.answer) {
    const claim = toClaimView(await getClaimDetail(db, { viewer, claimId: input.claimId }), viewer.id);
    if (claim.myReview?.version !== review.version) throw new Error("the answer does not show the saved review");
  }
  return { reviewId: review.id, version: review.version };
}

/**
 * What each step of the action costs alone, one save at a time (no queueing): mean ms over `n`
 * runs of each, for saying where a save's time goes. Runs on `claimId` with the first reviewer.
 */
export async function stepCosts(db: Database, options: { secret: string; reviewer: BenchReviewer; claimId: string; n: number }): Promise<Array<[string, number]>> {
  const { secret, reviewer, claimId, n } = options;
  const jwt = reviewer.cookie.slice(SESSION_COOKIE.length + 1);
  const token = (await decode({ token: jwt, secret, salt: SESSION_COOKIE }))!;
  const viewer = (await findSessionViewer(db, reviewer.sessionToken))!;
  let version = (await db.review.findUnique({ where: { claimId_reviewerId: { claimId, reviewerId: viewer.id } }, select: { version: true } }))?.version ?? null;
  const input = (i: number) => ({ claimId, verdict: "accurate" as const, confidence: null, note: `Step ${i}: see [the report](https://data.example/steps/${i}).`, expectedVersion: version });
  const mean = async (run: (i: number) => Promise<unknown>) => {
    const started = performance.now();
    for (let i = 0; i < n; i++) await run(i);
    return (performance.now() - started) / n;
  };
  return [
    ["JWT decode (jose, Auth.js)", await mean(() => decode({ token: jwt, secret, salt: SESSION_COOKIE }))],
    ["JWT re-sign (Auth.js on every auth())", await mean(() => encode({ token, secret, salt: SESSION_COOKIE }))],
    ["session row + user (findSessionViewer, Prisma)", await mean(() => findSessionViewer(db, reviewer.sessionToken))],
    ["permission + input parse", await mean(async () => (assertCan(viewer, "review.write"), SaveReviewInput.parse(input(0))))],
    ["saveReview, one at a time (its own commit, fsync)", await mean(async (i) => (version = (await saveReview(db, { viewer, ...input(i) })).version))],
    ["the answer: getClaimDetail + toClaimView, after a save of a new note", await answerAfterSave()],
  ];

  async function answerAfterSave(): Promise<number> {
    let spent = 0;
    for (let i = 0; i < n; i++) {
      version = (await saveReview(db, { viewer, ...input(n + i) })).version;
      const started = performance.now();
      toClaimView(await getClaimDetail(db, { viewer, claimId }), viewer.id);
      spent += performance.now() - started;
    }
    return spent / n;
  }
}
