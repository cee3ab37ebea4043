import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearerTokenOf, createApiToken, hashApiToken, listApiTokens, resolveApiToken, revokeApiToken } from "@/lib/auth/api-tokens";
import type { Viewer } from "@/lib/auth/policy";
import { tempDatabase } from "../../support/temp-database";

let t: ReturnType<typeof tempDatabase>;
let rita: NonNullable<Viewer>;
let omar: NonNullable<Viewer>;

beforeAll(async () => {
  t = tempDatabase();
  const a = await t.db.user.create({ data: { email: "rita@example.org", name: "Rita Reviewer", role: "reviewer" } });
  const b = await t.db.user.create({ data: { email: "omar@example.org", name: "Omar Editor", role: "editor" } });
  rita = { id: a.id, email: a.email, name: a.name, role: "reviewer" };
  omar = { id: b.id, email: b.email, name: b.name, role: "editor" };
});
afterAll(async () => {
  await t.dispose();
});

describe("API tokens", () => {
  it("creates a cd_ token from 32 random bytes and stores only its SHA-256", async () => {
    const created = await createApiToken(t.db, { viewer: rita, name: " CMS " });
    expect(created.token).toMatch(/^cd_[A-Za-z0-9_-]{43}$/);
    expect(created.name).toBe("CMS");
    const row = await t.db.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toBe(hashApiToken(created.token));
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(created.token.slice(3));
    const second = await createApiToken(t.db, { viewer: rita, name: "CMS" });
    expect(second.token).not.toBe(created.token);
  });

  it("resolves a token to its owner with their role and records when it was used", async () => {
    const { id, token } = await createApiToken(t.db, { viewer: omar, name: "script" });
    expect((await t.db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).toBeNull();
    const now = new Date("2030-01-01T10:00:00Z");
    expect(await resolveApiToken(t.db, token, now)).toEqual({ id: omar.id, email: omar.email, name: omar.name, role: "editor" });
    expect((await t.db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(now);
    const listed = await listApiTokens(t.db, { viewer: omar });
    expect(listed.map((l) => ({ name: l.name, lastUsedAt: l.lastUsedAt }))).toEqual([{ name: "script", lastUsedAt: now }]);
  });

  it("refuses unknown, malformed and revoked tokens", async () => {
    const { id, token } = await createApiToken(t.db, { viewer: rita, name: "to revoke" });
    expect(await resolveApiToken(t.db, `${token}x`)).toBeNull();
    expect(await resolveApiToken(t.db, token.slice(3))).toBeNull();
    expect(await resolveApiToken(t.db, "")).toBeNull();
    const revoked = await revokeApiToken(t.db, { viewer: rita, tokenId: id });
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    expect(await resolveApiToken(t.db, token)).toBeNull();
  });

  it("stops a disabled account's tokens at once, and gives the role the account holds now", async () => {
    const c = await t.db.user.create({ data: { email: "dana@example.org", name: "Dana", role: "editor" } });
    const { token } = await createApiToken(t.db, { viewer: { id: c.id, email: c.email, name: c.name, role: "editor" }, name: "cms" });
    await t.db.user.update({ where: { id: c.id }, data: { role: "reviewer" } });
    expect((await resolveApiToken(t.db, token))?.role).toBe("reviewer");
    await t.db.user.update({ where: { id: c.id }, data: { disabledAt: new Date() } });
    expect(await resolveApiToken(t.db, token)).toBeNull();
  });

  it("lets nobody revoke another person's token", async () => {
    const { id, token } = await createApiToken(t.db, { viewer: rita, name: "mine" });
    await expect(revokeApiToken(t.db, { viewer: omar, tokenId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await resolveApiToken(t.db, token)).not.toBeNull();
  });

  it("reads the Bearer scheme of an Authorization header", () => {
    expect(bearerTokenOf(null)).toBeUndefined();
    expect(bearerTokenOf("Basic abc")).toBeUndefined();
    expect(bearerTokenOf("Bearer cd_abc")).toBe("cd_abc");
    expect(bearerTokenOf("bearer   cd_abc ")).toBe("cd_abc");
    expect(bearerTokenOf("Bearer")).toBe("");
  });
});
