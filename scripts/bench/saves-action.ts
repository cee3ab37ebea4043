/**
 * The save action of app/articles/[slug]/review/actions.ts, in process and step for step, without
 * Next's request around it: the session read from the cookie by the code getWritingViewer runs
 * (readSession, lib/auth/session-cookie.ts: the JWT decoded once, its Session row read with its
 * user), the permission checked (assertCan), the input parsed with the operation's schema, and
 * saveReview run. With `answer`, also what the action sends back (getClaimAfterSave →
 * toSavedReviewAnswer). The request is plain http without a configured URL, so the cookie is
 * SESSION_COOKIE, and the secret is the benchmark's, given as the environment's AUTH_SECRET.
 */
import { Auth } from "@auth/core";
import { decode, encode } from "next-auth/jwt";
import { toClaimView, toSavedReviewAnswer } from "@/app/articles/[slug]/review/claim-view";
import { assertCan } from "@/lib/auth/policy";
import { readSession, type RequestCookie } from "@/lib/auth/session-cookie";
import { findSessionViewerOnSqlite } from "@/lib/auth/session-cookie-sqlite";
import { findSessionViewer, SESSION_MAX_AGE_SECONDS } from "@/lib/auth/sessions";
import type { Database } from "@/lib/db/create-database";
import { sqliteConnectionOf } from "@/lib/db/sqlite-connection";
import { AppError } from "@/lib/errors";
import { getClaimAfterSave, getClaimDetail } from "@/lib/review/get-claim-detail";
import { saveReview } from "@/lib/review/save-review";
import { SaveReviewInput } from "@/lib/review/schemas";
import { SESSION_COOKIE, type BenchReviewer } from "./saves-seed";

export type ActionSave = { reviewId: string; version: number };

export async function saveThroughAction(
  db: Database,
  options: { secret: string; cookie: string; input: SaveReviewInput; answer: boolean },
): Promise<ActionSave> {
  const { viewer, ended } = await readSession(db, { cookies: cookiesOf(options.cookie), forwardedProto: "http" }, { AUTH_SECRET: options.secret });
  if (ended) throw new AppError("UNAUTHENTICATED", "session ended");
  assertCan(viewer, "review.write");
  const input = SaveReviewInput.parse(options.input);
  const review = await saveReview(db, { viewer, ...input });
  if (options.answer) {
    const answer = toSavedReviewAnswer(await getClaimAfterSave(db, { viewer, claimId: input.claimId, saved: review, expectedVersion: input.expectedVersion }));
    if (answer.review.version !== review.version) throw new Error("the answer does not show the saved review");
  }
  return { reviewId: review.id, version: review.version };
}

/** A Cookie header's pairs, as Next's cookies() gives them to getWritingViewer. */
function cookiesOf(header: string): RequestCookie[] {
  return header.split(/;\s*/).map((pair) => ({ name: pair.slice(0, pair.indexOf("=")), value: pair.slice(pair.indexOf("=") + 1) }));
}

/**
 * What Auth.js's auth() ran on every call before issue 13 (lib/auth/viewer.ts used it): its whole
 * session endpoint, which decodes the JWT and signs it again for a cookie that server actions throw
 * away. For the step costs only, to show what readSession saves.
 */
async function authJsSession(cookie: string, secret: string): Promise<unknown> {
  const response = await Auth(new Request("http://127.0.0.1/api/auth/session", { headers: { cookie } }), {
    providers: [],
    secret,
    trustHost: true,
    basePath: "/api/auth",
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    callbacks: { session: ({ session, token }) => ({ ...session, sid: token.sid }) },
  });
  return response.json();
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
  const sqlite = await sqliteConnectionOf(db);
  let version = (await db.review.findUnique({ where: { claimId_reviewerId: { claimId, reviewerId: viewer.id } }, select: { version: true } }))?.version ?? null;
  const input = (i: number) => ({ claimId, verdict: "accurate" as const, confidence: null, note: `Step ${i}: see [the report](https://data.example/steps/${i}).`, expectedVersion: version });
  const mean = async (run: (i: number) => Promise<unknown>) => {
    const started = performance.now();
    for (let i = 0; i < n; i++) await run(i);
    return (performance.now() - started) / n;
  };
  return [
    ["before: Auth.js's auth() session endpoint (decode + re-sign), no row", await mean(() => authJsSession(reviewer.cookie, secret))],
    ["  of which JWT re-sign (encode), thrown away in actions", await mean(() => encode({ token, secret, salt: SESSION_COOKIE }))],
    ["session read (readSession: cookie, JWT remembered after its first decode, row + user)", await mean(() => readSession(db, { cookies: cookiesOf(reviewer.cookie), forwardedProto: "http" }, { AUTH_SECRET: secret }))],
    ["  of which JWT decode (next-auth/jwt)", await mean(() => decode({ token: jwt, secret, salt: SESSION_COOKIE }))],
    ["  of which session row + user (on SQLite: one prepared statement)", await mean(async () => (sqlite ? findSessionViewerOnSqlite(sqlite, reviewer.sessionToken) : null))],
    ["  (the same row + user through Prisma: findSessionViewer)", await mean(() => findSessionViewer(db, reviewer.sessionToken))],
    ["permission + input parse", await mean(async () => (assertCan(viewer, "review.write"), SaveReviewInput.parse(input(0))))],
    ["saveReview, one at a time (its own commit, fsync)", await mean(async (i) => (version = (await saveReview(db, { viewer, ...input(i) })).version))],
    ["the answer: getClaimAfterSave + toSavedReviewAnswer, after a save of a new note", await answerAfterSave(n, (saved, expectedVersion) => getClaimAfterSave(db, { viewer, claimId, saved, expectedVersion }).then(toSavedReviewAnswer))],
    ["  (the answer before: getClaimDetail + toClaimView)", await answerAfterSave(2 * n, () => getClaimDetail(db, { viewer, claimId }).then((d) => toClaimView(d, viewer.id)))],
  ];

  async function answerAfterSave(from: number, answer: (saved: Awaited<ReturnType<typeof saveReview>>, expectedVersion: number | null) => Promise<unknown>): Promise<number> {
    let spent = 0;
    for (let i = 0; i < n; i++) {
      const expected = version;
      const saved = await saveReview(db, { viewer, ...input(from + i) });
      version = saved.version;
      const started = performance.now();
      await answer(saved, expected);
      spent += performance.now() - started;
    }
    return spent / n;
  }
}
