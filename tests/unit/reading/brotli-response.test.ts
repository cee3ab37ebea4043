import { brotliDecompressSync } from "node:zlib";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { NextConfig } from "next";
import { describe, expect, it } from "vitest";
import { brotliResponse, brotliServerError, servesBrotli } from "@/lib/reading/brotli-response";
import { precompress } from "@/lib/reading/precompress";
import { readingResponse } from "@/lib/reading/reading-response";
import { notFoundDocument } from "@/lib/reading/reading-document";

// Next's own `has`/`missing` matcher, to check the br route's test against what the config does.
const { matchHas } = createRequire(import.meta.url)("next/dist/shared/lib/router/utils/prepare-destination.js") as {
  matchHas: (req: { headers: Record<string, string> }, query: object, has?: unknown[], missing?: unknown[]) => false | object;
};

// The config as next start loads it (plain JavaScript, no declaration file).
const { default: nextConfig } = (await import(pathToFileURL(path.resolve("next.config.js")).href)) as { default: Required<Pick<NextConfig, "headers" | "rewrites">> };

type Rule = { source: string; has?: unknown[]; missing?: unknown[]; headers?: { key: string; value: string }[]; destination?: string };

const REQUESTS: { acceptEncoding?: string; cookie?: string; br: boolean }[] = [
  { acceptEncoding: "gzip, deflate, br, zstd", br: true },
  { acceptEncoding: "br", br: true },
  { acceptEncoding: "gzip,deflate,br", br: true },
  { acceptEncoding: "br;q=1.0, gzip;q=0.8", br: true },
  { acceptEncoding: "gzip, br", cookie: "theme=dark; authjs.csrf-token=x", br: true },
  { acceptEncoding: "gzip, br", cookie: "authjs.session-token=", br: true },
  { br: false },
  { acceptEncoding: "gzip, deflate", br: false },
  { acceptEncoding: "brotli, gzip", br: false },
  { acceptEncoding: "x-br", br: false },
  { acceptEncoding: "gzip, br", cookie: "authjs.session-token=abc", br: false },
  { acceptEncoding: "gzip, br", cookie: "a=1; __Secure-authjs.session-token=abc", br: false },
  { acceptEncoding: "gzip, br", cookie: "authjs.session-token.0=abc; authjs.session-token.1=def", br: false },
  { acceptEncoding: "gzip, br", cookie: "__Secure-authjs.session-token.0=abc", br: false },
];

const headersOf = ({ acceptEncoding, cookie }: (typeof REQUESTS)[number]) => {
  const headers: Record<string, string> = {};
  if (acceptEncoding !== undefined) headers["accept-encoding"] = acceptEncoding;
  if (cookie !== undefined) headers.cookie = cookie;
  return headers;
};

describe("servesBrotli: the br route's refusals", () => {
  it("serves brotli only to a signed-out reader who accepts br", () => {
    for (const request of REQUESTS) expect(servesBrotli(new Headers(headersOf(request))), JSON.stringify(request)).toBe(request.br);
  });

  it("agrees with next.config.js's label and rewrite, as Next matches them", async () => {
    const headerRules = (await nextConfig.headers()) as Rule[];
    const rewrites = (await nextConfig.rewrites()) as { beforeFiles: Rule[] };
    const labels = headerRules.filter((rule) => rule.headers?.some((h) => h.key === "Content-Encoding" && h.value === "br"));
    expect(labels.map((rule) => rule.source)).toEqual(["/a/:slug", "/a/:slug/br"]);
    const rewrite = rewrites.beforeFiles.find((rule) => rule.destination === "/a/:slug/br");
    expect(rewrite?.source).toBe("/a/:slug");
    for (const rule of [...labels, rewrite!]) {
      for (const request of REQUESTS) {
        const matched = matchHas({ headers: headersOf(request) }, {}, rule.has, rule.missing) !== false;
        expect(matched, `${rule.source} ${JSON.stringify(request)}`).toBe(request.br);
      }
    }
  });
});

describe("brotliResponse", () => {
  it("compresses the 404 page sent under the br label", async () => {
    const response = brotliResponse(readingResponse({ kind: "hidden" }, null, { ifNoneMatch: null, acceptEncoding: "br" }));
    expect(response.status).toBe(404);
    expect(response.headers.get("content-encoding")).toBe("br");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(brotliDecompressSync(Buffer.from(await response.arrayBuffer())).toString("utf8")).toBe(notFoundDocument(null));
  });

  it("sends the precompressed copy as it is, with its coding's ETag, and 304 without a body", async () => {
    const before = new TextEncoder().encode("<p>");
    const after = new TextEncoder().encode("Article</p>");
    const shared = await precompress(new TextEncoder().encode("<p>whole page</p>"));
    const outcome = { kind: "document" as const, status: "published", before, after, etag: '"v1"', shared };
    const response = brotliResponse(readingResponse(outcome, null, { ifNoneMatch: null, acceptEncoding: "br" }));
    expect(response.headers.get("etag")).toBe('"v1-br"');
    expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(shared.br))).toBe(true);
    const notModified = brotliResponse(readingResponse(outcome, null, { ifNoneMatch: '"v1-br"', acceptEncoding: "br" }));
    expect(notModified.status).toBe(304);
    expect(await notModified.text()).toBe("");
  });

  it("compresses a page without a shared copy and drops its ETag, which named other bytes", async () => {
    const outcome = { kind: "document" as const, status: "published", before: new Uint8Array(), after: new TextEncoder().encode("<main>Article</main>"), etag: '"v1"', shared: null };
    const response = brotliResponse(readingResponse(outcome, null, { ifNoneMatch: null, acceptEncoding: "br" }));
    expect(response.headers.get("etag")).toBeNull();
    expect(brotliDecompressSync(Buffer.from(await response.arrayBuffer())).toString("utf8")).toContain("<main>Article</main>");
  });

  it("labels its 500 truthfully too", async () => {
    const response = brotliServerError();
    expect(response.status).toBe(500);
    expect(brotliDecompressSync(Buffer.from(await response.arrayBuffer())).toString("utf8")).toBe("Internal Server Error");
  });
});
