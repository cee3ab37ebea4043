import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { encode, type JWT } from "next-auth/jwt";
import { readSession, sessionCookieName, sessionCookieValue, sessionSecrets, type RequestCookie } from "@/lib/auth/session-cookie";
import { openSession } from "@/lib/auth/sessions";
import { tempDatabase } from "@/tests/support/temp-database";

// The session cookie read by getViewer / getWritingViewer (issue 13): real cookies, signed as
// Auth.js signs them at sign-in, read against a real database.

const PLAIN = "authjs.session-token";
const SECURE = "__Secure-authjs.session-token";
const SECRET = "session-cookie-test-secret";
const ENV = { AUTH_SECRET: SECRET };

describe("the session cookie (lib/auth/session-cookie.ts)", () => {
  const temp = tempDatabase();
  const { db } = temp;
  let userId = "";
  let sid = "";

  beforeEach(async () => {
    await db.session.deleteMany();
    await db.user.deleteMany();
    userId = (await db.user.create({ data: { email: "rev@test", name: "Rev", role: "reviewer" }, select: { id: true } })).id;
    sid = (await openSession(db, { userId })).sessionToken;
  });
  afterAll(async () => temp.dispose());

  /** What the jwt callback of lib/auth/config.ts makes at sign-in, encrypted as Auth.js does. */
  const jwtOf = (options: { token?: JWT; secret?: string; salt?: string; maxAge?: number } = {}) =>
    encode({ token: options.token ?? { name: "Rev", email: "rev@test", sub: userId, sid }, secret: options.secret ?? SECRET, salt: options.salt ?? PLAIN, maxAge: options.maxAge });
  const read = (cookies: RequestCookie[], options: { forwardedProto?: string | null; env?: Record<string, string | undefined> } = {}) =>
    readSession(db, { cookies, forwardedProto: options.forwardedProto === undefined ? "http" : options.forwardedProto }, options.env ?? ENV);
  const reader = { viewer: null, ended: false };
  const ended = { viewer: null, ended: true };

  it("reads the viewer of a valid session, with the role of the user row now", async () => {
    const cookies = [{ name: "theme", value: "dark" }, { name: PLAIN, value: await jwtOf() }];
    expect(await read(cookies)).toEqual({ viewer: { id: userId, email: "rev@test", name: "Rev", role: "reviewer" }, ended: false });
    await db.user.update({ where: { id: userId }, data: { role: "editor" } });
    expect((await read(cookies)).viewer?.role).toBe("editor");
  });

  it("is a reader without a session cookie", async () => {
    expect(await read([])).toEqual(reader);
    expect(await read([{ name: "theme", value: "dark" }, { name: PLAIN, value: "" }])).toEqual(reader);
  });

  it("is a reader when the JWT is tampered with, expired, signed with another secret, or salted for the other cookie", async () => {
    const jwt = await jwtOf();
    const flipped = jwt.slice(0, -5) + (jwt.at(-5) === "A" ? "B" : "A") + jwt.slice(-4);
    expect(await read([{ name: PLAIN, value: flipped }])).toEqual(reader);
    expect(await read([{ name: PLAIN, value: "not.a.jwt" }])).toEqual(reader);
    expect(await read([{ name: PLAIN, value: await jwtOf({ maxAge: -60 }) }])).toEqual(reader);
    expect(await read([{ name: PLAIN, value: await jwtOf({ secret: "another-secret" }) }])).toEqual(reader);
    expect(await read([{ name: PLAIN, value: await jwtOf({ salt: SECURE }) }])).toEqual(reader);
    // No secret configured at all: nothing reads (Auth.js refuses to run without one).
    expect(await read([{ name: PLAIN, value: jwt }], { env: {} })).toEqual(reader);
    // The untouched cookie still reads, so the refusals above are the JWT's, not the setup's.
    expect((await read([{ name: PLAIN, value: jwt }])).viewer?.id).toBe(userId);
  });

  it("is ended when the JWT is valid but its Session row is gone (signed out)", async () => {
    const cookies = [{ name: PLAIN, value: await jwtOf() }];
    await db.session.deleteMany({ where: { sessionToken: sid } });
    expect(await read(cookies)).toEqual(ended);
  });

  it("is ended when the user is disabled or deleted", async () => {
    const cookies = [{ name: PLAIN, value: await jwtOf() }];
    await db.user.update({ where: { id: userId }, data: { disabledAt: new Date() } });
    expect(await read(cookies)).toEqual(ended);
    await db.user.delete({ where: { id: userId } });
    expect(await read(cookies)).toEqual(ended);
  });

  it("is ended when the Session row has expired, or the JWT names no row", async () => {
    await db.session.update({ where: { sessionToken: sid }, data: { expires: new Date(Date.now() - 1000) } });
    expect(await read([{ name: PLAIN, value: await jwtOf() }])).toEqual(ended);
    expect(await read([{ name: PLAIN, value: await jwtOf({ token: { sub: userId } }) }])).toEqual(ended);
  });

  it("reads the __Secure- cookie on https, and only that one", async () => {
    const secure = [{ name: SECURE, value: await jwtOf({ salt: SECURE }) }];
    const plain = [{ name: PLAIN, value: await jwtOf() }];
    // Behind a proxy that says https, or with an https public URL (which then decides alone).
    expect((await read(secure, { forwardedProto: "https" })).viewer?.id).toBe(userId);
    expect((await read(secure, { forwardedProto: "http", env: { ...ENV, CLAIMDESK_PUBLIC_URL: "https://desk.example" } })).viewer?.id).toBe(userId);
    expect((await read(secure, { forwardedProto: "http", env: { ...ENV, AUTH_URL: "https://desk.example/api/auth" } })).viewer?.id).toBe(userId);
    expect(await read(plain, { forwardedProto: "https" })).toEqual(reader);
    expect(await read(secure, { forwardedProto: "http" })).toEqual(reader);
    expect(await read(secure, { forwardedProto: "https", env: { ...ENV, CLAIMDESK_PUBLIC_URL: "http://127.0.0.1:3000" } })).toEqual(reader);
    expect((await read(plain, { forwardedProto: "https", env: { ...ENV, CLAIMDESK_PUBLIC_URL: "http://127.0.0.1:3000" } })).viewer?.id).toBe(userId);
  });

  it("joins a cookie Auth.js split into chunks", async () => {
    const jwt = await jwtOf();
    const third = Math.ceil(jwt.length / 3);
    const chunks = [2, 0, 1].map((i) => ({ name: `${PLAIN}.${i}`, value: jwt.slice(i * third, (i + 1) * third) }));
    expect(sessionCookieValue(chunks, PLAIN)).toBe(jwt);
    expect((await read(chunks)).viewer?.id).toBe(userId);
    expect(sessionCookieValue([{ name: `${PLAIN}x`, value: jwt }, { name: `${PLAIN}.x`, value: jwt }], PLAIN)).toBeUndefined();
  });
});

describe("which cookie and which secrets, as Auth.js takes them", () => {
  it("names the cookie by the configured URL first, else by X-Forwarded-Proto, else https", () => {
    expect(sessionCookieName({ forwardedProto: "http", env: {} })).toBe(PLAIN);
    expect(sessionCookieName({ forwardedProto: "https", env: {} })).toBe(SECURE);
    expect(sessionCookieName({ forwardedProto: "HTTPS", env: {} })).toBe(SECURE);
    expect(sessionCookieName({ forwardedProto: null, env: {} })).toBe(SECURE);
    expect(sessionCookieName({ forwardedProto: "https", env: { AUTH_URL: "http://127.0.0.1:3000/api/auth" } })).toBe(PLAIN);
    expect(sessionCookieName({ forwardedProto: "http", env: { NEXTAUTH_URL: "https://desk.example" } })).toBe(SECURE);
    // The public URL becomes AUTH_URL (lib/auth/config.ts), ahead of NEXTAUTH_URL.
    expect(sessionCookieName({ forwardedProto: "https", env: { CLAIMDESK_PUBLIC_URL: "http://desk.test", NEXTAUTH_URL: "https://desk.example" } })).toBe(PLAIN);
  });

  it("reads AUTH_SECRET (or NEXTAUTH_SECRET), else Auth.js's rotation list AUTH_SECRET_3, _2, _1", () => {
    expect(sessionSecrets({ AUTH_SECRET: "a", NEXTAUTH_SECRET: "n", AUTH_SECRET_1: "1" })).toEqual(["a"]);
    expect(sessionSecrets({ NEXTAUTH_SECRET: "n" })).toEqual(["n"]);
    expect(sessionSecrets({ AUTH_SECRET_1: "1", AUTH_SECRET_3: "3" })).toEqual(["3", "1"]);
    expect(sessionSecrets({})).toEqual([]);
  });
});
