import { describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { decodeSessionJwt } from "@/lib/auth/session-cookie-jwt";

// The session JWT is decoded once per process and remembered by its text (issue 13); what is
// remembered must never let through what next-auth/jwt's decode would refuse.
const SALT = "authjs.session-token";

describe("decodeSessionJwt", () => {
  it("decodes a cookie once, then answers the same payload from memory", async () => {
    const jwt = await encode({ token: { sub: "u1", sid: "s1" }, secret: "one", salt: SALT });
    const first = await decodeSessionJwt(jwt, ["one"], SALT);
    expect(first).toMatchObject({ sub: "u1", sid: "s1" });
    // The same object: not decoded again.
    expect(await decodeSessionJwt(jwt, ["one"], SALT)).toBe(first);
  });

  it("never answers from memory for other secrets or another salt", async () => {
    const jwt = await encode({ token: { sid: "s2" }, secret: "one", salt: SALT });
    expect((await decodeSessionJwt(jwt, ["one"], SALT)).sid).toBe("s2");
    await expect(decodeSessionJwt(jwt, ["two"], SALT)).rejects.toThrow();
    await expect(decodeSessionJwt(jwt, [], SALT)).rejects.toThrow();
    await expect(decodeSessionJwt(jwt, ["one"], `__Secure-${SALT}`)).rejects.toThrow();
    // A rotation list that still holds the signing secret reads it.
    expect((await decodeSessionJwt(jwt, ["new", "one"], SALT)).sid).toBe("s2");
  });

  it("keeps no failure: a tampered cookie is refused every time, and the good one still reads", async () => {
    const jwt = await encode({ token: { sid: "s3" }, secret: "one", salt: SALT });
    const tampered = `${jwt.slice(0, 40)}${jwt[40] === "x" ? "y" : "x"}${jwt.slice(41)}`;
    await expect(decodeSessionJwt(tampered, ["one"], SALT)).rejects.toThrow();
    await expect(decodeSessionJwt(tampered, ["one"], SALT)).rejects.toThrow();
    await expect(decodeSessionJwt("", ["one"], SALT)).rejects.toThrow();
    expect((await decodeSessionJwt(jwt, ["one"], SALT)).sid).toBe("s3");
  });

  it("a remembered payload expires at its exp, with the 15 s leeway of Auth.js's decode", async () => {
    const jwt = await encode({ token: { sid: "s4" }, secret: "one", salt: SALT, maxAge: 60 });
    const payload = await decodeSessionJwt(jwt, ["one"], SALT);
    const exp = payload.exp as number;
    expect(exp).toBeGreaterThan(Date.now() / 1000);
    expect((await decodeSessionJwt(jwt, ["one"], SALT, (exp + 14) * 1000 + 999)).sid).toBe("s4");
    await expect(decodeSessionJwt(jwt, ["one"], SALT, (exp + 15) * 1000)).rejects.toThrow(/expired/);
    // An expired cookie is refused by the decoder itself too (never remembered).
    const old = await encode({ token: { sid: "s5" }, secret: "one", salt: SALT, maxAge: -60 });
    await expect(decodeSessionJwt(old, ["one"], SALT)).rejects.toThrow();
  });
});
