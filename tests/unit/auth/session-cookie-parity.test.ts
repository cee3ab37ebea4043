import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Auth, createActionURL, setEnvDefaults, type AuthConfig } from "@auth/core";
import { encode } from "next-auth/jwt";
import { configuredAuthUrl, readSession } from "@/lib/auth/session-cookie";
import { openSession, SESSION_MAX_AGE_SECONDS } from "@/lib/auth/sessions";
import { tempDatabase } from "@/tests/support/temp-database";

// The reader must accept exactly the cookies that Auth.js's auth() accepted before issue 13, so
// this asks Auth.js itself, the way next-auth's auth() does in a server component or action
// (next-auth/lib/index.js getSession): its session endpoint at the URL it takes itself to be on,
// with the request's cookies. A session there is a viewer here (the Session row exists); no
// session there is a reader here.

type Env = Record<string, string | undefined>;
const PLAIN = "authjs.session-token";
const SECURE = "__Secure-authjs.session-token";

/** Auth.js's answer: the JWT's sid when its session endpoint returns a session, else null. */
async function authJsSid(env: Env, cookie: string, forwardedProto: string): Promise<string | null> {
  // What lib/auth/config.ts and next-auth's setEnvDefaults do with the environment.
  const scoped: Env = { ...env };
  if (scoped.CLAIMDESK_PUBLIC_URL && !scoped.AUTH_URL) scoped.AUTH_URL = configuredAuthUrl(scoped);
  const config: AuthConfig = {
    providers: [],
    trustHost: true,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    secret: scoped.AUTH_SECRET ?? scoped.NEXTAUTH_SECRET,
    basePath: "/api/auth",
    logger: { error: () => {}, warn: () => {}, debug: () => {} },
    callbacks: { session: ({ session, token }) => ({ ...session, sid: token.sid }) },
  };
  setEnvDefaults(scoped, config, true);
  const headers = new Headers({ host: "desk.test", "x-forwarded-proto": forwardedProto, cookie });
  const url = createActionURL("session", forwardedProto, headers, scoped, config);
  const response = await Auth(new Request(url, { headers: { cookie } }), config);
  if (!response.ok) return null;
  const body = (await response.json()) as { sid?: string } | null;
  return body?.sid ?? null;
}

describe("the session cookie reads as Auth.js's auth() read it", () => {
  const temp = tempDatabase();
  const { db } = temp;
  let userId = "";
  let sid = "";

  beforeAll(async () => {
    userId = (await db.user.create({ data: { email: "parity@test", name: "Parity", role: "reviewer" }, select: { id: true } })).id;
    sid = (await openSession(db, { userId })).sessionToken;
  });
  afterAll(async () => temp.dispose());

  const envs: Array<[string, Env]> = [
    ["AUTH_SECRET, no URL", { AUTH_SECRET: "one" }],
    ["NEXTAUTH_SECRET", { NEXTAUTH_SECRET: "one" }],
    ["rotation list", { AUTH_SECRET_1: "old", AUTH_SECRET_2: "one" }],
    ["AUTH_SECRET with AUTH_SECRET_1 (ignored by Auth.js)", { AUTH_SECRET: "one", AUTH_SECRET_1: "old" }],
    ["https public URL", { AUTH_SECRET: "one", CLAIMDESK_PUBLIC_URL: "https://desk.example" }],
    ["http public URL", { AUTH_SECRET: "one", CLAIMDESK_PUBLIC_URL: "http://127.0.0.1:3000" }],
    ["https AUTH_URL", { AUTH_SECRET: "one", AUTH_URL: "https://desk.example/api/auth" }],
    ["no secret", {}],
  ];
  const cookies = async () => {
    const signed = async (secret: string, name: string, maxAge?: number) => encode({ token: { sub: userId, sid }, secret, salt: name, maxAge });
    const good = await signed("one", PLAIN);
    return [
      ["plain, secret one", `${PLAIN}=${good}`],
      ["secure, secret one", `${SECURE}=${await signed("one", SECURE)}`],
      ["plain, old secret", `${PLAIN}=${await signed("old", PLAIN)}`],
      ["secure, old secret", `${SECURE}=${await signed("old", SECURE)}`],
      ["plain, salted for secure", `${PLAIN}=${await signed("one", SECURE)}`],
      ["plain, expired", `${PLAIN}=${await signed("one", PLAIN, -60)}`],
      ["plain, tampered", `${PLAIN}=${good.slice(0, 30)}${good[30] === "x" ? "y" : "x"}${good.slice(31)}`],
      ["plain, in two chunks", `${PLAIN}.1=${good.slice(200)}; ${PLAIN}.0=${good.slice(0, 200)}`],
    ] as const;
  };

  it("for every secret setting, deployment URL, X-Forwarded-Proto and cookie", async () => {
    const rows: string[] = [];
    let sessions = 0;
    for (const [envName, env] of envs) {
      for (const proto of ["http", "https"]) {
        for (const [cookieName, cookie] of await cookies()) {
          const theirs = await authJsSid(env, cookie, proto);
          const pairs = cookie.split("; ").map((pair) => ({ name: pair.slice(0, pair.indexOf("=")), value: pair.slice(pair.indexOf("=") + 1) }));
          const ours = await readSession(db, { cookies: pairs, forwardedProto: proto }, env);
          if (theirs !== null) sessions++;
          if ((theirs === sid) !== (ours.viewer?.id === userId) || ours.ended) rows.push(`${envName} / ${proto} / ${cookieName}: Auth.js ${theirs ? "session" : "none"}, ours ${ours.viewer ? "viewer" : "reader"}`);
        }
      }
    }
    expect(rows).toEqual([]);
    // The oracle did say yes sometimes (a broken setup would make every answer "none").
    expect(sessions).toBeGreaterThan(10);
  });
});
