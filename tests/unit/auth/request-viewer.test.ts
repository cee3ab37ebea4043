import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { openSession } from "@/lib/auth/sessions";
import { tempDatabase } from "@/tests/support/temp-database";

// getRequestViewer, as route handlers call it: the session is read from the Request's own Cookie
// header (so it works outside Next's request scope), and reading it must leave the body to the
// handler. A first version built a NextRequest from the Request, which locked the body, and every
// multipart route (the import form, the desk's restore) then failed with "ReadableStream is locked".

const COOKIE = "authjs.session-token";
const SECRET = "request-viewer-test-secret";

let t: ReturnType<typeof tempDatabase>;
let getRequestViewer: (request: Request) => Promise<unknown>;
let cookie = "";
let userId = "";

beforeAll(async () => {
  t = tempDatabase();
  process.env.DATABASE_URL = t.url;
  process.env.AUTH_SECRET = SECRET;
  ({ getRequestViewer } = await import("@/lib/auth/viewer"));
  userId = (await t.db.user.create({ data: { email: "rev@test", name: "Rev", role: "reviewer" }, select: { id: true } })).id;
  const { sessionToken } = await openSession(t.db, { userId });
  cookie = `${COOKIE}=${await encode({ token: { sub: userId, sid: sessionToken }, secret: SECRET, salt: COOKIE })}`;
});
afterAll(async () => {
  const { db } = await import("@/lib/db/client");
  await db.$disconnect();
  await t.dispose();
});

const post = (headers: Record<string, string>, body: BodyInit) =>
  new Request("http://localhost/api/articles", { method: "POST", headers: { "x-forwarded-proto": "http", ...headers }, body });

describe("getRequestViewer (lib/auth/viewer.ts)", () => {
  it("reads the signed-in viewer from the request's cookie and leaves its body unread", async () => {
    const request = post({ cookie: `theme=dark; ${cookie}`, "content-type": "text/plain" }, "the article text");
    expect(await getRequestViewer(request)).toMatchObject({ id: userId, role: "reviewer" });
    expect(request.bodyUsed).toBe(false);
    expect(await request.text()).toBe("the article text");
  });

  it("leaves a multipart body readable as form data", async () => {
    const form = new FormData();
    form.set("file", new Blob(["# Title\n\nText."], { type: "text/markdown" }), "a.md");
    const request = post({ cookie }, form);
    await getRequestViewer(request);
    expect(((await request.formData()).get("file") as File).name).toBe("a.md");
  });

  it("is a reader without the cookie", async () => {
    expect(await getRequestViewer(post({}, "x"))).toBeNull();
  });
});
