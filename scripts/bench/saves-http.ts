/**
 * A save through the UI's real path: the workbench's saveReviewAction POSTed to a running
 * `next start` as the browser's fetchServerAction sends it (next/dist/client/components/
 * router-reducer/reducers/server-action-reducer.js): to the page's own address, with the session
 * cookie, Origin, `Accept: text/x-component`, `Next-Action: <id>`, the router state tree, and the
 * arguments encoded as React's encodeReply does plain data (a JSON array, text/plain). The answer
 * is React Flight; it is decoded here, and checked as the client uses it (review-form.tsx:
 * data.review.version; saved-review.ts puts the saved review, the claim's state and verdicts into
 * the claim shown).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { SaveReviewInput } from "@/lib/review/schemas";
import type { Ack } from "./saves-run";

let actionId: string | null = null;

/** The id Next gave saveReviewAction in this build, from the build's server reference manifest. */
export function saveActionId(nextDir: string): string {
  if (actionId) return actionId;
  const manifest = JSON.parse(readFileSync(path.join(nextDir, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string; workers: Record<string, unknown> }>;
  };
  const found = Object.entries(manifest.node).find(
    ([, entry]) => entry.exportedName === "saveReviewAction" && (entry.filename ?? "").includes("articles/[slug]/review/actions"),
  );
  if (!found) throw new Error(`no saveReviewAction in ${nextDir}/server/server-reference-manifest.json: pass the running build's .next with --next-dir`);
  return (actionId = found[0]);
}

export async function saveOverHttp(options: { base: string; slug: string; nextDir: string; cookie: string; input: SaveReviewInput }): Promise<Ack> {
  const page = `/articles/${options.slug}/review`;
  const response = await fetch(`${options.base}${page}`, {
    method: "POST",
    headers: {
      accept: "text/x-component",
      "next-action": saveActionId(options.nextDir),
      "next-router-state-tree": encodeURIComponent(JSON.stringify(routerState(options.slug))),
      "content-type": "text/plain;charset=UTF-8",
      origin: options.base,
      referer: `${options.base}${page}`,
      cookie: options.cookie,
    },
    body: JSON.stringify([options.input]),
  });
  const text = await response.text();
  if (!response.ok || !(response.headers.get("content-type") ?? "").startsWith("text/x-component")) {
    throw new Error(`POST ${page} answered ${response.status} ${response.headers.get("content-type")}: ${text.slice(0, 200)}`);
  }
  const result = actionResult(text) as
    | { ok: true; data: { review: { id: string; version: number; noteTree: unknown }; claim: { id: string; state: string; reviews: { id: string }[] } } }
    | { ok: false; error: { code: string; message: string } };
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  const { review, claim } = result.data;
  // What the workbench takes from the answer: the saved review, rendered, among the claim's reviews.
  if (claim.id !== options.input.claimId || !claim.reviews.some((r) => r.id === review.id) || !review.noteTree) {
    throw new Error("the answer does not show the saved review in its claim");
  }
  return { reviewId: review.id, version: review.version };
}

/** The workbench page's router state, as the browser's app router holds it on that page. */
function routerState(slug: string): unknown {
  const page = ["__PAGE__", {}, null, null];
  return ["", { children: ["articles", { children: [["slug", slug, "d"], { children: ["review", { children: page }] }] }] }, null, null, true];
}

/**
 * The action's return value from a React Flight answer: rows `id:JSON` (and `id:T<hex>,text`),
 * row 0 naming the result (`a`). Plain data only, which is all an ActionResult holds; anything
 * else is refused rather than guessed.
 */
export function actionResult(flight: string): unknown {
  const rows = new Map<string, unknown>();
  for (let at = 0; at < flight.length; ) {
    const colon = flight.indexOf(":", at);
    const id = flight.slice(at, colon);
    if (flight[colon + 1] === "T") {
      const comma = flight.indexOf(",", colon);
      const length = parseInt(flight.slice(colon + 2, comma), 16);
      // The length counts UTF-8 bytes.
      const text = Buffer.from(flight.slice(comma + 1), "utf8").subarray(0, length).toString("utf8");
      rows.set(id, text);
      at = comma + 1 + text.length;
      continue;
    }
    const end = flight.indexOf("\n", colon);
    const line = flight.slice(colon + 1, end === -1 ? undefined : end);
    rows.set(id, /^[[{"0-9tfn-]/.test(line) ? JSON.parse(line) : line);
    at = end === -1 ? flight.length : end + 1;
  }
  // A value seen twice is sent once and then pointed at by its path ("$1:data:claim:reviews:0"),
  // often inside the row being read: those are filled in after the rows are read.
  const done = new Map<string, unknown>();
  const later: Array<() => void> = [];
  const row = (id: string): unknown => {
    if (!done.has(id)) {
      if (!rows.has(id)) throw new Error(`Flight row ${id} missing`);
      done.set(id, walk(rows.get(id), null, ""));
    }
    return done.get(id);
  };
  const walk = (value: unknown, container: Record<string, unknown> | unknown[] | null, key: string | number): unknown => {
    if (typeof value === "string" && value.startsWith("$")) {
      if (value.startsWith("$$")) return value.slice(1);
      if (value === "$undefined") return undefined;
      if (value.startsWith("$D")) return new Date(value.slice(2));
      const [ref, ...keys] = value.replace(/^\$@?/, "").split(":");
      if (!/^[0-9a-f]+$/.test(ref!)) throw new Error(`unsupported Flight value ${value.slice(0, 40)}`);
      if (keys.length === 0 || !container) return row(ref!);
      later.push(() => {
        let target = row(ref!);
        for (const k of keys) target = (target as Record<string, unknown>)[k];
        (container as Record<string, unknown>)[key] = target;
      });
      return null;
    }
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      value.forEach((v, i) => (out[i] = walk(v, out, i)));
      return out;
    }
    if (value && typeof value === "object") {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = walk(v, out, k);
      return out;
    }
    return value;
  };
  const head = rows.get("0") as { a?: unknown } | undefined;
  if (!head || !("a" in head)) throw new Error(`not an action answer: ${flight.slice(0, 120)}`);
  const result = walk(head.a, null, "");
  for (const fill of later) fill();
  return result;
}
