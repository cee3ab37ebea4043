import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Viewer } from "@/lib/auth/policy";
import { createApiToken } from "@/lib/auth/api-tokens";
import { tempDatabase } from "../../support/temp-database";
import { checkedEarlier, importText, person, REPEATS } from "./support";

// next-auth's ESM build imports "next/server" without an extension, which vitest's Node resolver
// cannot load. The library's session reader is stood in for by "nobody signed in by cookie": a
// request with a Bearer token never consults the session (lib/auth/viewer.ts), and one without it
// is then a reader. Our guard, policy, token lookup and verbs are the real ones.
vi.mock("next-auth", () => ({
  default: () => ({ auth: async () => null, handlers: {}, signIn: async () => undefined, signOut: async () => undefined }),
  CredentialsSignin: class extends Error {},
}));
vi.mock("next-auth/providers/credentials", () => ({ default: () => ({}) }));
vi.mock("next-auth/providers/github", () => ({ default: () => ({}) }));
vi.mock("next-auth/providers/google", () => ({ default: () => ({}) }));

// The route handler itself, through guardedRoute, on this file's database: the app's one client
// (lib/db/client.ts) opens DATABASE_URL when first imported, so the route is imported after it is set.
let t: ReturnType<typeof tempDatabase>;
let GET: (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;
let token: string;
let claimId: string;
let earlierClaimId: string;
let draftClaimId: string;

beforeAll(async () => {
  t = tempDatabase();
  process.env.DATABASE_URL = t.url;
  ({ GET } = await import("@/app/api/claims/[id]/matches/route"));
  const rita: NonNullable<Viewer> = await person(t.db, "rita@example.org", "Rita Reviewer", "reviewer");
  const ed = await person(t.db, "ed@example.org", "Ed Editor", "editor");
  const earlier = await checkedEarlier(t.db, rita, ed);
  earlierClaimId = earlier.statistic.id;
  const repeat = await importText(t.db, REPEATS);
  claimId = repeat.statistic.id;
  draftClaimId = repeat.claims.find((c) => c.id !== claimId)!.id;
  ({ token } = await createApiToken(t.db, { viewer: rita, name: "matches test" }));
});
afterAll(async () => {
  const { db } = await import("@/lib/db/client");
  await db.$disconnect();
  await t.dispose();
});

const get = (id: string, headers: Record<string, string> = {}) =>
  GET(new Request(`http://localhost/api/claims/${encodeURIComponent(id)}/matches`, { headers }), { params: Promise.resolve({ id }) });
const bearer = () => ({ authorization: `Bearer ${token}` });

describe("GET /api/claims/{id}/matches", () => {
  it("answers a reviewer's token with the matches as JSON", async () => {
    const response = await get(claimId, bearer());
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("no-store");
    const { data } = (await response.json()) as { data: { claim: { id: string }; matches: Array<{ relation: string; score: number; reasons: string[]; matchedClaimId: string; text: string; article: { slug: string; title: string }; reviews: Array<{ verdict: string; approved: boolean; citations: Array<{ url: string }> }> }> } };
    expect(data.claim.id).toBe(claimId);
    const [match] = data.matches;
    expect(match).toMatchObject({ relation: "same", matchedClaimId: earlierClaimId, article: { title: "Sheriffs and the 287(g) program" } });
    expect(match!.reasons.length).toBeGreaterThan(0);
    expect(match!.reviews[0]).toMatchObject({ verdict: "accurate", approved: true, citations: [{ url: "https://www.ice.gov/identify-and-arrest/287g" }] });
  });

  it("answers a claim without matches with an empty list", async () => {
    const response = await get(draftClaimId, bearer());
    expect(response.status).toBe(200);
    expect(((await response.json()) as { data: { matches: unknown[] } }).data.matches).toEqual([]);
  });

  it("refuses a reader (401) without a token", async () => {
    const response = await get(claimId);
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("UNAUTHENTICATED");
  });

  it("refuses a revoked or made-up token (401) and answers 404 for an unknown claim, 422 for a bad id", async () => {
    expect((await get(claimId, { authorization: "Bearer cd_madeup" })).status).toBe(401);
    const unknown = await get("no-such-claim", bearer());
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe("NOT_FOUND");
    expect((await get("x".repeat(100), bearer())).status).toBe(422);
  });

  it("refuses a revoked token and one whose owner was disabled", async () => {
    await t.db.apiToken.updateMany({ data: { revokedAt: new Date() } });
    try {
      expect((await get(claimId, bearer())).status).toBe(401);
    } finally {
      await t.db.apiToken.updateMany({ data: { revokedAt: null } });
    }
    const owner = await t.db.apiToken.findFirstOrThrow({ select: { userId: true } });
    await t.db.user.update({ where: { id: owner.userId }, data: { disabledAt: new Date() } });
    try {
      expect((await get(claimId, bearer())).status).toBe(401);
    } finally {
      await t.db.user.update({ where: { id: owner.userId }, data: { disabledAt: null } });
    }
  });
});
