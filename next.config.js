import { brotliCondition } from "./lib/reading/brotli-condition.mjs";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // better-sqlite3 is a native addon: load it from node_modules at run time, never bundle it.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3"],
  poweredByHeader: false,
  // Articles up to 5 MiB can be pasted or uploaded through server actions (default limit: 1 MB).
  experimental: { serverActions: { bodySizeLimit: "6mb" } },
  typedRoutes: false,
  // The reading view's precompressed brotli copy (app/a/[slug]/br). Next 16 drops a route handler's
  // own Content-Encoding header, but keeps one set here, before the handler runs, and its per-request
  // compressor then leaves the body alone. Both rules share one condition, so the label and the
  // bytes agree; the br route checks the same condition again (lib/reading/brotli-response.ts).
  async headers() {
    return ["/a/:slug", "/a/:slug/br"].map((source) => ({ source, ...brotliCondition, headers: [{ key: "Content-Encoding", value: "br" }] }));
  },
  async rewrites() {
    return { beforeFiles: [{ source: "/a/:slug", ...brotliCondition, destination: "/a/:slug/br" }], afterFiles: [], fallback: [] };
  },
};

export default nextConfig;
