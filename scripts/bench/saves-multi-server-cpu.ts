/**
 * CPU time per process group of the two-server save benchmark, read from /proc (Linux): the app
 * servers, nginx, PostgreSQL's server processes and the benchmark's own client. Wall-clock latency on
 * a machine shared with other work mostly measures the other work; CPU seconds per save do not, so
 * the benchmark prints both (scripts/bench/saves-multi-server.ts).
 */
import { readdirSync, readFileSync } from "node:fs";

/** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ, 100 on every Linux we run). */
const TICKS_PER_SECOND = 100;

type Stat = { pid: number; ppid: number; ticks: number; childTicks: number };

function stat(pid: number): Stat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name is in parentheses and may hold spaces: fields are counted after its ")".
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    const n = (i: number) => Number(fields[i - 3]);
    return { pid, ppid: n(4), ticks: n(14) + n(15), childTicks: n(16) + n(17) };
  } catch {
    return null;
  }
}

function allStats(): Stat[] {
  const out: Stat[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const s = stat(Number(name));
    if (s) out.push(s);
  }
  return out;
}

/**
 * CPU milliseconds used so far by `root` and every process below it, counting children that have
 * already exited and been waited for (cutime/cstime), so short-lived backends are not missed.
 */
function treeMs(root: number, stats: Stat[]): number {
  const children = new Map<number, Stat[]>();
  for (const s of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
  const top = stats.find((s) => s.pid === root);
  if (!top) return 0;
  let ticks = top.childTicks;
  const walk = (s: Stat) => {
    ticks += s.ticks;
    for (const c of children.get(s.pid) ?? []) walk(c);
  };
  walk(top);
  return (ticks * 1000) / TICKS_PER_SECOND;
}

export type ProcessGroups = Record<string, number[]>;
export type CpuSnapshot = Record<string, number>;

/** CPU milliseconds so far of each named group of process trees; "client" is this process itself. */
export function cpuSnapshot(groups: ProcessGroups): CpuSnapshot {
  const stats = allStats();
  const out: CpuSnapshot = {};
  for (const [name, roots] of Object.entries(groups)) out[name] = roots.reduce((sum, pid) => sum + treeMs(pid, stats), 0);
  const own = process.cpuUsage();
  out.client = (own.user + own.system) / 1000;
  return out;
}

/** "app servers 12.3, PostgreSQL 2.1, …" ms of CPU per save between two snapshots. */
export function cpuPerSave(before: CpuSnapshot, after: CpuSnapshot, saves: number): string {
  const parts = Object.keys(after).map((name) => `${name} ${((after[name]! - (before[name] ?? 0)) / Math.max(1, saves)).toFixed(1)}`);
  const total = Object.keys(after).reduce((sum, name) => sum + after[name]! - (before[name] ?? 0), 0) / Math.max(1, saves);
  return `${parts.join(", ")}; all ${total.toFixed(1)} ms of CPU per save`;
}

/** The postmaster's pid, from the first line of postmaster.pid in its data folder. */
export function postmasterPid(dataDir: string): number | null {
  try {
    return Number(readFileSync(`${dataDir}/postmaster.pid`, "utf8").split("\n")[0]) || null;
  } catch {
    return null;
  }
}
