/**
 * Several app servers behind a real reverse proxy, on one database: the deployment DESIGN §7 asks
 * for, started on loopback for the two-server e2e project (scripts/e2e-server.ts) and the
 * two-server save benchmark (scripts/bench/saves-multi-server.ts).
 *
 * One build (.next) serves every `next start`; each server gets its own port and the same
 * AUTH_SECRET, and trusts exactly one proxy (CLAIMDESK_TRUSTED_PROXIES=1), and only on connections
 * from the address nginx binds to (CLAIMDESK_TRUSTED_PROXY_ADDRESSES=127.0.0.2). Debian's nginx
 * (scripts/proxy/nginx.ts) balances them round-robin and names the server that answered in
 * X-Claimdesk-Server, so a test can prove which one it talked to.
 *
 *   tsx scripts/multi-server.ts            serves DATABASE_URL through a proxy until Ctrl-C
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { PROXY_SOURCE_ADDRESS, startNginx, type Proxy } from "./proxy/nginx";

/** The response header the proxy adds: the name of the app server that answered ("a", "b", …). */
export const SERVER_HEADER = "x-claimdesk-server";

export type AppServer = { name: string; port: number; url: string; process: ChildProcess };
export type MultiServer = { proxyUrl: string; servers: AppServer[]; proxy: Proxy; stop(): Promise<void> };

export type MultiServerOptions = {
  databaseUrl: string;
  authSecret: string;
  /** How many app servers (default 2), named a, b, …. */
  count?: number;
  /** Ports to use, else free ones are picked. */
  proxyPort?: number;
  serverPorts?: number[];
  /** Where the servers' output goes: inherited (default) or dropped. */
  output?: "inherit" | "ignore";
  /** Honour the test-only X-Claimdesk-Pin header (scripts/proxy/nginx.ts). */
  pin?: boolean;
  /** More environment for every app server. */
  env?: Record<string, string>;
  /** Options for each server's node itself, before Next's script (e.g. --cpu-prof, which NODE_OPTIONS refuses). */
  nodeArgs?: string[];
};

/**
 * Starts `count` app servers on the built app and nginx in front of them, and resolves once each
 * server answers /api/health and the proxy does too. On a failure everything started is stopped.
 */
export async function startMultiServer(options: MultiServerOptions): Promise<MultiServer> {
  const count = options.count ?? 2;
  const proxyPort = options.proxyPort ?? (await freePort());
  const ports = options.serverPorts ?? (await Promise.all(Array.from({ length: count }, () => freePort())));
  const proxyUrl = `http://127.0.0.1:${proxyPort}`;
  const servers: AppServer[] = [];
  let proxy: Proxy | undefined;
  const stop = async () => {
    await proxy?.stop();
    await Promise.all(servers.map((server) => stopProcess(server.process)));
  };
  try {
    for (const [index, port] of ports.entries()) {
      const name = String.fromCharCode(97 + index);
      servers.push({ name, port, url: `http://127.0.0.1:${port}`, process: startAppServer(port, proxyUrl, options) });
    }
    await Promise.all(servers.map((server) => waitForHealth(server.url, server.process)));
    proxy = await startNginx({ port: proxyPort, upstreams: servers.map(({ name, port }) => ({ name, port })), pin: options.pin });
    await waitForHealth(proxyUrl);
    return { proxyUrl, servers, proxy, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function startAppServer(port: number, proxyUrl: string, options: MultiServerOptions): ChildProcess {
  const next = path.resolve("node_modules/next/dist/bin/next");
  return spawn(process.execPath, [...(options.nodeArgs ?? []), next, "start", "-H", "127.0.0.1", "-p", String(port)], {
    env: {
      ...process.env,
      ...options.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: options.databaseUrl,
      AUTH_SECRET: options.authSecret,
      AUTH_TRUST_HOST: "true",
      // Readers and Auth.js see the proxy's address, never a server's own port.
      CLAIMDESK_PUBLIC_URL: proxyUrl,
      // Exactly one proxy appends to X-Forwarded-For; what the client wrote further left is never read.
      CLAIMDESK_TRUSTED_PROXIES: "1",
      // ...and only on connections from nginx (proxy_bind): a request straight to a server's port is
      // counted under its own socket address, whatever X-Forwarded-For it carries.
      CLAIMDESK_TRUSTED_PROXY_ADDRESSES: PROXY_SOURCE_ADDRESS,
    },
    stdio: ["ignore", options.output ?? "inherit", options.output ?? "inherit"],
  });
}

/** Polls `${url}/api/health` until it answers 200, or fails after 90 s or when `child` exits. */
export async function waitForHealth(url: string, child?: ChildProcess, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`the server for ${url} exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url}/api/health did not answer within ${timeoutMs / 1000} s`);
}

/** Sends SIGTERM and waits for the exit (SIGKILL after 10 s). */
export function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

// As a command: serve DATABASE_URL (already set up) through a proxy until interrupted.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve("scripts/multi-server.ts")) {
  const databaseUrl = process.env.DATABASE_URL;
  const authSecret = process.env.AUTH_SECRET;
  if (!databaseUrl || !authSecret) {
    console.error("multi-server: set DATABASE_URL (a set-up database) and AUTH_SECRET");
    process.exit(1);
  }
  const stack = await startMultiServer({ databaseUrl, authSecret, proxyPort: process.env.PORT ? Number(process.env.PORT) : undefined });
  console.log(`multi-server: ${stack.proxyUrl} → ${stack.servers.map((s) => `${s.name} ${s.url}`).join(", ")}`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stack.stop().then(() => process.exit(0)));
}
