import { brotliCondition } from "./lib/reading/brotli-condition.mjs";
import { READING_VIEW_POLICY, STATIC_SECURITY_HEADERS, UNNONCED_PAGE_POLICY } from "./lib/security/content-security-policy.mjs";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // better-sqlite3 is a native addon: load it from node_modules at run time, never bundle it.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3"],
  poweredByHeader: false,
  // Articles up to 5 MiB can be pasted or uploaded through server actions (default limit: 1 MB).
  experimental: { serverActions: { bodySizeLimit: "6mb" } },
  typedRoutes: false,
  // Security headers (issue 11, finding 9): nosniff, Referrer-Policy and X-Frame-Options on every
  // response. The Content-Security-Policy of pages carries a per-request nonce and is set by proxy.ts;
  // the responses proxy.ts does not see get the policy without a nonce here: the reading view (a
  // prebuilt document with no inline script) and requests with a body (see proxy.ts's matcher). The
  // two sets are disjoint, so no response carries two policies.
  async headers() {
    const csp = (value) => [{ key: "Content-Security-Policy", value }];
    return [
      { source: "/:path*", headers: STATIC_SECURITY_HEADERS },
      // Later rules override earlier ones on the same key: a POST to /a/… gets the reading view's.
      { source: "/:path*", has: [{ type: "header", key: "content-length" }], headers: csp(UNNONCED_PAGE_POLICY) },
      { source: "/:path*", has: [{ type: "header", key: "transfer-encoding" }], headers: csp(UNNONCED_PAGE_POLICY) },
      { source: "/a/:path+", headers: csp(READING_VIEW_POLICY) },
      // The reading view's precompressed brotli copy (app/a/[slug]/br). Next 16 drops a route handler's
      // own Content-Encoding header, but keeps one set here, before the handler runs, and its per-request
      // compressor then leaves the body alone. Both rules share one condition, so the label and the
      // bytes agree; the br route checks the same condition again (lib/reading/brotli-response.ts).
      ...["/a/:slug", "/a/:slug/br"].map((source) => ({ source, ...brotliCondition, headers: [{ key: "Content-Encoding", value: "br" }] })),
    ];
  },
  async rewrites() {
    return { beforeFiles: [{ source: "/a/:slug", ...brotliCondition, destination: "/a/:slug/br" }], afterFiles: [], fallback: [] };
  },
};

export default nextConfig;
