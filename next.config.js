/** @type {import('next').NextConfig} */
const nextConfig = {
  // better-sqlite3 is a native addon: load it from node_modules at run time, never bundle it.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3"],
  poweredByHeader: false,
  // Articles up to 5 MiB can be pasted or uploaded through server actions (default limit: 1 MB).
  experimental: { serverActions: { bodySizeLimit: "6mb" } },
  typedRoutes: false,
};

export default nextConfig;
