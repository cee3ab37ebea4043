/**
 * Where a run's CPU goes: with BENCH_CPU_PROFILE=<dir>, `npm run bench:saves` profiles each
 * in-process run alone (node:inspector, not the seeding) and prints its self time grouped by
 * package (Prisma's runtime and query compiler, better-sqlite3, jose, zod, our code), with the
 * heaviest functions; the .cpuprofile is kept in <dir> for Chrome's DevTools.
 */
import { writeFileSync } from "node:fs";
import { Session, type Profiler } from "node:inspector/promises";
import path from "node:path";

export async function profiled<T>(label: string, run: () => Promise<T>): Promise<T> {
  const dir = process.env.BENCH_CPU_PROFILE;
  if (!dir) return run();
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 200 });
  await session.post("Profiler.start");
  try {
    return await run();
  } finally {
    const { profile } = await session.post("Profiler.stop");
    session.disconnect();
    const file = path.join(dir, `saves-${label}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    console.log(`\nprofile of ${label} (${file}):\n${describe(profile)}`);
  }
}

const GROUPS: Array<[RegExp, string]> = [
  [/query_compiler|wasm:\/\//, "Prisma query compiler (wasm)"],
  [/@prisma\/client\/runtime|lib\/generated\/prisma/, "Prisma client runtime (JS)"],
  [/adapter-better-sqlite3/, "Prisma SQLite adapter"],
  [/better-sqlite3/, "better-sqlite3"],
  [/jose|next-auth|@auth/, "JWT (jose, Auth.js)"],
  [/zod/, "zod"],
  [/unified|remark|rehype|mdast|hast|micromark|unist/, "Markdown (unified)"],
  [/node_modules/, "other packages"],
  [/\/work\/|\/lib\/|\/app\/|\/scripts\//, "Claimdesk code"],
];

function groupOf(node: Profiler.ProfileNode): string {
  const { url, functionName } = node.callFrame;
  if (!url) return functionName === "(garbage collector)" ? "GC" : functionName === "(idle)" || functionName === "(program)" ? functionName : "node internals / native";
  for (const [pattern, name] of GROUPS) if (pattern.test(url)) return name;
  return url.startsWith("node:") ? "node internals / native" : "other";
}

/** Self time per group and the top functions, as text. */
export function describe(profile: Profiler.Profile): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  // Stopping the profiler itself (node:inspector serialising the profile) is not the run's work.
  const profiling = (id: number): boolean => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) if (byId.get(at)!.callFrame.url === "node:inspector") return true;
    return false;
  };
  const self = new Map<number, number>();
  const deltas = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (deltas[i] ?? 0) / 1000));
  const groups = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  for (const [id, ms] of self) {
    const node = byId.get(id)!;
    const group = groupOf(node);
    if (group === "(idle)" || profiling(id)) continue;
    total += ms;
    groups.set(group, (groups.get(group) ?? 0) + ms);
    const name = `${node.callFrame.functionName || "(anonymous)"} ${path.basename(node.callFrame.url || "")}:${node.callFrame.lineNumber + 1}`;
    functions.set(name, (functions.get(name) ?? 0) + ms);
  }
  const rows = (map: Map<string, number>, n: number) =>
    [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([name, ms]) => `  ${ms.toFixed(0).padStart(6)} ms ${((ms / total) * 100).toFixed(1).padStart(5)}%  ${name}`);
  return [`  busy ${total.toFixed(0)} ms (idle left out)`, ...rows(groups, 12), "  heaviest functions (self):", ...rows(functions, 15)].join("\n");
}
