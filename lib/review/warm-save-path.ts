import { readFile } from "node:fs/promises";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { sessionCookieName, sessionSecrets } from "@/lib/auth/session-cookie";

/**
 * A fresh `next start` evaluates a server action's module graph on the first request that calls it
 * (preloadEntriesOnStart loads the pages, not their actions), and the session read, its query and
 * Next's action handling run for the first time then too. So the first reviewers of a day paid for
 * it: on a fresh server one reviewer's first save took 348–374 ms, the next ones 20–40 ms, and under
 * fifty reviewers at once the first save of each was most of the UI path's p95 (issue 13).
 *
 * Importing the action's modules here would not help: the instrumentation hook is bundled apart from
 * the pages, with module instances of its own (measured: no change). So the server sends itself
 * the request that a signed-out tab with an ended session would: the workbench's save action, with
 * a session cookie that reads but names no Session row. It runs the path up to the session check
 * and is refused there (UNAUTHENTICATED), so it writes nothing and needs no account. Measured on a
 * fresh server: the first real save then took 81–109 ms.
 */

/** The workbench's save action, as `next build` names it in the server reference manifest. */
const ACTION = { filename: "app/articles/[slug]/review/actions.ts", exportedName: "saveReviewAction" };
/** Any workbench address: the refusal comes before the slug is read. */
const PAGE = "/articles/warm-up/review";
/**
 * Sent one after another (about 0.4 s of CPU at start). The first request loads the modules; the
 * rest get the code they run compiled. Measured under fifty reviewers on a fresh server: with 3, the
 * first run needed 5.4–6.1 s of server CPU for 500 saves (a warm server 2.8–4.3 s); with 60,
 * 4.5–5.3 s; with 500, 4.6–5.0 s. What is left is the save itself, which a refusal does not run.
 */
const REQUESTS = 60;
/** /api/health answers "ready" after this even if the warm-up has not finished: it only speeds things up. */
const READY_WITHIN_MS = 15_000;

export type WarmUpState = "pending" | "done" | "failed" | "skipped";

type Registry = { state: WarmUpState; startedAt: number; reason?: string };
// Shared through globalThis: instrumentation and the health route are bundled apart.
const KEY = Symbol.for("claimdesk.warm-save-path");
const registry = () => (globalThis as Record<symbol, Registry | undefined>)[KEY];

/** Starts the warm-up once the server listens; never throws and never holds the server back. */
export function startWarmUp(): void {
  const global = globalThis as Record<symbol, Registry | undefined>;
  if (global[KEY]) return;
  const state: Registry = { state: "pending", startedAt: Date.now() };
  global[KEY] = state;
  warmUp().then(
    () => (state.state = "done"),
    (error: unknown) => {
      state.state = "failed";
      state.reason = error instanceof Error ? error.message : String(error);
      console.warn(`claimdesk: the save path was not warmed at start (the first saves will be slower; nothing else changes): ${state.reason}`);
    },
  );
}

/**
 * What /api/health reports: "pending" while the warm-up runs (for at most READY_WITHIN_MS), then how
 * it went; "skipped" in a process that never started one (next dev, where modules compile on demand).
 */
export function warmUpState(now: number = Date.now()): WarmUpState {
  const state = registry();
  if (!state) return "skipped";
  if (state.state === "pending" && now - state.startedAt > READY_WITHIN_MS) return "failed";
  return state.state;
}

async function warmUp(): Promise<void> {
  const origin = await listeningOrigin();
  const actionId = await saveActionId();
  const secret = sessionSecrets()[0];
  if (!secret) throw new Error("no AUTH_SECRET");
  const name = sessionCookieName({ forwardedProto: new URL(origin).protocol.replace(/:$/, "") });
  // A session id no Session row can have: the check refuses it as an ended session.
  const token = { sub: "warm-up", name: "warm-up", email: "warm-up@claimdesk.invalid", sid: `warm-up-${crypto.randomUUID()}` };
  const cookie = `${name}=${await encode({ token, secret, salt: name, maxAge: 60 })}`;
  for (let i = 0; i < REQUESTS; i++) {
    const response = await fetch(`${origin}${PAGE}`, {
      method: "POST",
      headers: { accept: "text/x-component", "next-action": actionId, "content-type": "text/plain;charset=UTF-8", origin, cookie },
      body: JSON.stringify([{ claimId: "warm-up", note: "", expectedVersion: null }]),
      signal: AbortSignal.timeout(READY_WITHIN_MS),
    });
    const answer = await response.text();
    // Anything but the refusal means the request did not take the path it should have.
    if (!response.ok || !answer.includes('"UNAUTHENTICATED"')) throw new Error(`the warm-up request answered ${response.status}: ${answer.slice(0, 120)}`);
  }
}

/**
 * The server's own address, once it listens: `next start` sets PORT and its origin when the socket
 * is bound, which is after instrumentation runs.
 */
async function listeningOrigin(): Promise<string> {
  for (const deadline = Date.now() + READY_WITHIN_MS; Date.now() < deadline; ) {
    const origin = process.env.__NEXT_PRIVATE_ORIGIN;
    if (origin && process.env.PORT) return origin;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error("the server did not start listening");
}

async function saveActionId(): Promise<string> {
  const file = path.join(process.cwd(), ".next", "server", "server-reference-manifest.json");
  const manifest = JSON.parse(await readFile(file, "utf8")) as { node?: Record<string, { filename?: string; exportedName?: string }> };
  const found = Object.entries(manifest.node ?? {}).find(([, entry]) => entry.filename === ACTION.filename && entry.exportedName === ACTION.exportedName);
  if (!found) throw new Error(`${ACTION.exportedName} is not in ${file}`);
  return found[0];
}
