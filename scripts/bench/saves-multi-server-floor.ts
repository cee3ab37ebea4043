/**
 * The floor of `npm run bench:saves-multi-server`: the same saves through the same nginx to two
 * bare node:http servers on the same PostgreSQL, each doing only what a save must: the session
 * row with its user (one statement), then saveReviewOnPostgres itself (the app's own verb and
 * rules, on a pipelined pool). No Next, no React, no Auth.js, no zod, no answer beyond the new
 * version. What the full stack costs above this is the framework's and the action's answer's share.
 *
 *   tsx scripts/bench/saves-multi-server-floor.ts serve <database url> <port>   (started by startFloor)
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:http";
import path from "node:path";
import pg from "pg";
import { DEFAULT_SAVE_POOL_SIZE, poolSettings } from "@/lib/db/postgres-database";
import { AppError } from "@/lib/errors";
import { saveReviewOnPostgres } from "@/lib/review/save-review-postgres";
import { freePort, stopProcess, waitForHealth } from "../multi-server";
import { startNginx, type Proxy } from "../proxy/nginx";

export type Floor = { proxyUrl: string; servers: ChildProcess[]; proxy: Proxy; stop(): Promise<void> };

/** Two floor servers behind nginx, as startMultiServer starts the app's. */
export async function startFloor(databaseUrl: string, count = 2): Promise<Floor> {
  const ports = await Promise.all(Array.from({ length: count }, () => freePort()));
  const tsx = path.resolve("node_modules/.bin/tsx");
  const servers = ports.map((port) => spawn(tsx, ["--conditions=react-server", path.resolve("scripts/bench/saves-multi-server-floor.ts"), "serve", databaseUrl, String(port)], { stdio: ["ignore", "ignore", "inherit"] }));
  let proxy: Proxy | undefined;
  const stop = async () => {
    await proxy?.stop();
    await Promise.all(servers.map((s) => stopProcess(s)));
  };
  try {
    await Promise.all(ports.map((port, i) => waitForHealth(`http://127.0.0.1:${port}`, servers[i])));
    proxy = await startNginx({ port: await freePort(), upstreams: ports.map((port, i) => ({ name: `floor-${String.fromCharCode(97 + i)}`, port })) });
    return { proxyUrl: `http://127.0.0.1:${proxy.port}`, servers, proxy, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

type Body = { sessionToken: string; save: { claimId: string; verdict: string | null; confidence: string | null; note: string; expectedVersion: number | null } };

function serve(url: string, port: number): void {
  const pool = new pg.Pool({ ...poolSettings(url, DEFAULT_SAVE_POOL_SIZE), pipeline: true });
  const session = {
    name: "floor:session",
    text: 'SELECT s."expires", u."id", u."email", u."name", u."role", u."disabledAt" FROM "Session" s JOIN "User" u ON u."id" = s."userId" WHERE s."sessionToken" = $1',
  };
  createServer((request, response) => {
    if (request.url === "/api/health") return void response.end("ok");
    let text = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (text += chunk));
    request.on("end", async () => {
      try {
        const body = JSON.parse(text) as Body;
        const row = (await pool.query({ ...session, values: [body.sessionToken] })).rows[0] as { expires: Date; id: string; email: string; name: string | null; role: "reviewer"; disabledAt: Date | null } | undefined;
        if (!row || row.disabledAt !== null || row.expires <= new Date()) throw new AppError("UNAUTHENTICATED", "no session");
        const saved = await saveReviewOnPostgres(pool, { id: row.id, email: row.email, name: row.name, role: row.role }, body.save);
        response.setHeader("content-type", "application/json");
        response.end(JSON.stringify({ ok: true, data: { review: { id: saved.id, version: saved.version } } }));
      } catch (error) {
        response.statusCode = error instanceof AppError ? error.status : 500;
        response.end(JSON.stringify({ ok: false, error: { code: error instanceof AppError ? error.code : "INTERNAL", message: String(error) } }));
      }
    });
  }).listen(port, "127.0.0.1");
}

if (process.argv[2] === "serve") serve(process.argv[3]!, Number(process.argv[4]));
