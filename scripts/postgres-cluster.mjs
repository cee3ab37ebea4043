/**
 * A throwaway PostgreSQL cluster for tests, CI and benchmarks (issue 14): initdb and pg_ctl into a
 * temporary folder, the server on a free loopback port with a generated password, then stopped and
 * deleted. Plain Node, so CI's shell, vitest's globalSetup and tsx scripts can all use it:
 *
 *   export DATABASE_URL=$(node scripts/postgres-cluster.mjs start)   # prints only the URL
 *   node scripts/postgres-cluster.mjs stop
 *
 * The CLI keeps what `stop` needs in a state file (default data/postgres-cluster.json, or
 * --state FILE). As a module: `const cluster = await startCluster(); …; await cluster.stop()`.
 *
 * PostgreSQL refuses to run as root (initdb, pg_ctl and postgres all check), and CI runs as root:
 * then every server process runs as `nobody` (or CLAIMDESK_PG_USER) in a folder chowned to it.
 */
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, appendFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const SERVER_TOOLS = ["initdb", "pg_ctl", "postgres"];
/** The superuser of the cluster: a name of ours, whatever OS user runs the server. */
const SUPERUSER = "claimdesk";

/**
 * The folder holding initdb, pg_ctl and postgres: PG_BIN when set, else the newest of Debian's
 * /usr/lib/postgresql/<version>/bin (not on PATH there), else PATH. Throws a sentence saying what
 * to install when they are missing.
 */
export function findServerBinaries() {
  const candidates = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    const versions = readdirSync(debian).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => path.join(debian, v, "bin")));
  }
  candidates.push(...(process.env.PATH ?? "").split(path.delimiter).filter(Boolean));
  const found = candidates.find((dir) => SERVER_TOOLS.every((tool) => existsSync(path.join(dir, tool))));
  if (!found) {
    throw new Error(
      `PostgreSQL's server programs (${SERVER_TOOLS.join(", ")}) were not found in PG_BIN, /usr/lib/postgresql/*/bin or PATH. ` +
        "Install them (Debian: apt-get install -y postgresql) or set PG_BIN to the folder that holds them.",
    );
  }
  return found;
}

/** Whether a throwaway cluster can be started here (the binaries exist). */
export function serverBinariesPresent() {
  try {
    findServerBinaries();
    return true;
  } catch {
    return false;
  }
}

/** The uid/gid the server runs as: ourselves, unless we are root (PostgreSQL refuses root). */
function serverIdentity() {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return null;
  const name = process.env.CLAIMDESK_PG_USER || "nobody";
  const line = readFileSync("/etc/passwd", "utf8").split("\n").find((l) => l.split(":")[0] === name);
  if (!line) throw new Error(`Running as root, the PostgreSQL server needs an unprivileged user, and "${name}" does not exist (set CLAIMDESK_PG_USER).`);
  const [, , uid, gid] = line.split(":");
  return { name, uid: Number(uid), gid: Number(gid) };
}

/** Runs a PostgreSQL program as the server's user; a failure throws with the program's own words. */
function run(bin, tool, args, identity, extraEnv = {}) {
  const result = spawnSync(path.join(bin, tool), args, {
    encoding: "utf8",
    // HOME and the working folder must be somewhere the unprivileged user may read.
    cwd: "/",
    env: { ...process.env, HOME: "/tmp", LC_ALL: "C.UTF-8", LANG: "C.UTF-8", ...extraEnv },
    ...(identity ? { uid: identity.uid, gid: identity.gid } : {}),
  });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    const said = `${result.stderr ?? ""}${result.stdout ?? ""}`.trim().split("\n").slice(-5).join(" | ");
    throw new Error(`${tool} ${args[0] ?? ""} failed (exit ${result.status}): ${said}`);
  }
  return result.stdout;
}

/** A loopback port nobody listens on now (the kernel's pick). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a fresh cluster and resolves when it accepts connections.
 *
 * @param {{ durable?: boolean, stopOnExit?: boolean, database?: string, owner?: number | boolean }} [options]
 *   durable: false turns off fsync and synchronous commit (tests; a crash loses the cluster, which
 *   is thrown away anyway); benchmarks keep the default true so their timings are honest.
 *   stopOnExit (default true): stop and delete the cluster when this process exits, in case the
 *   caller never reaches stop(). The CLI's `start` turns it off: its cluster outlives it.
 *   database: a database created next to the default "postgres" one, named in the URL.
 *   owner (default true, this process): the process whose death, however it comes, stops and
 *   deletes the cluster (a detached watchdog checks every half second); a pid names another
 *   process (the CLI's caller); false starts no watchdog.
 */
export async function startCluster(options = {}) {
  const { durable = true, stopOnExit = true, database = "claimdesk", owner = true } = options;
  const bin = findServerBinaries();
  const identity = serverIdentity();
  // As root, TMPDIR may be a folder the server's user cannot enter; /tmp always can be.
  // CLAIMDESK_PG_TAG marks the folders (and so the postgres command lines) of one run: .ci/run
  // checks by it that its clusters are gone, beside other runs' on the same machine.
  const tag = (process.env.CLAIMDESK_PG_TAG ?? "").replace(/[^\w-]/g, "");
  const dir = mkdtempSync(path.join(identity ? "/tmp" : tmpdir(), `claimdesk-pg-${tag ? `${tag}-` : ""}`));
  const dataDir = path.join(dir, "data");
  const password = randomBytes(18).toString("base64url");
  const pwfile = path.join(dir, "pwfile");
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (identity) {
    chownSync(dir, identity.uid, identity.gid);
    chownSync(pwfile, identity.uid, identity.gid);
  }
  const cluster = { url: "", port: 0, dir, dataDir, password, user: SUPERUSER, database, bin, stop: async () => stopCluster(cluster) };
  try {
    run(bin, "initdb", ["-D", dataDir, "-U", SUPERUSER, `--pwfile=${pwfile}`, "--auth-host=scram-sha-256", "--auth-local=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], identity);
    rmSync(pwfile);
    const settings = [
      "listen_addresses = '127.0.0.1'",
      // The socket lives in our folder: /var/run/postgresql may not exist, or not be ours.
      `unix_socket_directories = '${dir}'`,
      "max_connections = 200",
      ...(durable ? [] : ["fsync = off", "synchronous_commit = off", "full_page_writes = off"]),
    ];
    appendFileSync(path.join(dataDir, "postgresql.conf"), `\n# claimdesk throwaway cluster\n${settings.join("\n")}\n`);
    // Another process may take the port between our check and the server's bind: try a few.
    for (let attempt = 1; ; attempt++) {
      cluster.port = await freePort();
      try {
        run(bin, "pg_ctl", ["start", "-D", dataDir, "-w", "-t", "60", "-l", path.join(dir, "server.log"), "-o", `-p ${cluster.port}`], identity);
        break;
      } catch (error) {
        if (attempt >= 3) throw new Error(`${error.message} (log: ${tail(path.join(dir, "server.log"))})`);
      }
    }
    const base = `postgresql://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${cluster.port}`;
    if (database !== "postgres") {
      run(bin, "psql", [`${base}/postgres`, "-v", "ON_ERROR_STOP=1", "-qAtc", `CREATE DATABASE "${database}"`], identity);
    }
    cluster.url = `${base}/${database}`;
  } catch (error) {
    await stopCluster(cluster);
    throw error;
  }
  // The owner may die without running an exit handler (SIGKILL, as Playwright sends a web server
  // that outlasts its graceful-shutdown time; a signal Node does not turn into 'exit'), and postgres
  // lives on in its own session, as `nobody`: a watchdog outside our process group ends it then.
  if (owner) startWatchdog(cluster, owner === true ? process.pid : owner);
  if (stopOnExit) {
    const onExit = () => stopClusterSync(cluster);
    process.once("exit", onExit);
    cluster.stop = async () => {
      process.removeListener("exit", onExit);
      stopClusterSync(cluster);
    };
  }
  return cluster;
}

/** A process's start time (clock ticks since boot, /proc/PID/stat), so a reused pid is not taken for its owner. */
function startTimeOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

function alive(pid, startTime) {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if (error.code !== "EPERM") return false;
  }
  return startTime === null || startTimeOf(pid) === startTime;
}

/** Starts `node postgres-cluster.mjs watch …` in a session of its own, so no group signal or SIGKILL meant for the owner reaches it. */
function startWatchdog(cluster, owner) {
  const args = [fileURLToPath(import.meta.url), "watch", String(owner), startTimeOf(owner) ?? "-", cluster.dir, cluster.dataDir, cluster.bin];
  spawn(process.execPath, args, { detached: true, stdio: "ignore", cwd: "/" }).unref();
}

/**
 * The watchdog's loop: exits once the cluster's folder is gone (stopped the ordinary way); when the
 * owner is gone first, stops the server at once (immediate: a throwaway cluster has nothing to keep)
 * and deletes the folder.
 */
async function watch(owner, startTime, dir, dataDir, bin) {
  for (;;) {
    if (!existsSync(dir)) return;
    if (!alive(owner, startTime)) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  if (existsSync(path.join(dataDir, "postmaster.pid"))) {
    try {
      run(bin, "pg_ctl", ["stop", "-D", dataDir, "-m", "immediate", "-w", "-t", "30"], serverIdentity());
    } catch (error) {
      console.error(`postgres-cluster watchdog: ${error.message}`);
    }
  }
  rmSync(dir, { recursive: true, force: true });
}

function tail(file) {
  try {
    return readFileSync(file, "utf8").trim().split("\n").slice(-5).join(" | ");
  } catch {
    return "none";
  }
}

/** Stops the server (fast shutdown: open sessions are ended) and deletes its folder. */
export async function stopCluster(cluster) {
  stopClusterSync(cluster);
}

function stopClusterSync({ dir, dataDir, bin }) {
  if (existsSync(path.join(dataDir, "postmaster.pid"))) {
    try {
      run(bin ?? findServerBinaries(), "pg_ctl", ["stop", "-D", dataDir, "-m", "fast", "-w", "-t", "30"], serverIdentity());
    } catch (error) {
      console.error(`postgres-cluster: ${error.message}`);
    }
  }
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Runs SQL through psql, synchronously (tests/support/temp-database.ts hands out databases from a
 * synchronous function). Statements run one by one outside a transaction, so CREATE DATABASE works.
 */
export function runSqlSync(url, sql) {
  const bin = findServerBinaries();
  const psql = existsSync(path.join(bin, "psql")) ? bin : "";
  const result = spawnSync(psql ? path.join(psql, "psql") : "psql", [url, "-v", "ON_ERROR_STOP=1", "-qAtX", "-c", sql], { encoding: "utf8" });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`psql failed: ${(result.stderr ?? "").trim()}`);
  return result.stdout;
}

// ---- command line ----

const DEFAULT_STATE = "data/postgres-cluster.json";

function stateFile(args) {
  const i = args.indexOf("--state");
  return path.resolve(i >= 0 && args[i + 1] ? args[i + 1] : DEFAULT_STATE);
}

async function cli(args) {
  const command = args[0];
  const state = stateFile(args);
  if (command === "start") {
    if (existsSync(state)) throw new Error(`${state} already names a running cluster: stop it first (node scripts/postgres-cluster.mjs stop).`);
    // --owner PID: the process (say CI's shell) whose end, however it comes, ends the cluster too.
    const ownerAt = args.indexOf("--owner");
    const owner = ownerAt >= 0 ? Number(args[ownerAt + 1]) : false;
    if (owner !== false && !Number.isInteger(owner)) throw new Error("--owner takes a process id");
    const cluster = await startCluster({ stopOnExit: false, durable: !args.includes("--fast"), owner });
    mkdirSync(path.dirname(state), { recursive: true });
    writeFileSync(state, JSON.stringify({ url: cluster.url, dir: cluster.dir, dataDir: cluster.dataDir, bin: cluster.bin }, null, 2));
    console.error(`postgres-cluster: started in ${cluster.dir} on port ${cluster.port} (stop: node scripts/postgres-cluster.mjs stop)`);
    console.log(cluster.url);
  } else if (command === "stop") {
    if (!existsSync(state)) {
      console.error(`postgres-cluster: no cluster recorded in ${state}; nothing to stop.`);
      return;
    }
    const cluster = JSON.parse(readFileSync(state, "utf8"));
    stopClusterSync(cluster);
    rmSync(state);
    console.error(`postgres-cluster: stopped and deleted ${cluster.dir}`);
  } else if (command === "url") {
    if (!existsSync(state)) throw new Error(`no cluster recorded in ${state}`);
    console.log(JSON.parse(readFileSync(state, "utf8")).url);
  } else if (command === "watch") {
    const [owner, startTime, dir, dataDir, bin] = args.slice(1);
    await watch(Number(owner), startTime === "-" ? null : startTime, dir, dataDir, bin);
  } else if (command === "check") {
    console.log(findServerBinaries());
  } else {
    throw new Error("usage: node scripts/postgres-cluster.mjs start [--fast] [--owner PID] [--state FILE] | stop [--state FILE] | url [--state FILE] | check");
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  cli(process.argv.slice(2)).catch((error) => {
    console.error(`postgres-cluster: ${error.message}`);
    process.exit(1);
  });
}
