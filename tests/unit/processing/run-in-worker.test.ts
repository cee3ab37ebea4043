import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { inProcess, readArticle, runInWorker, workerProcessing } from "@/lib/processing";

const seed = readFileSync("content/ice-287g-fy2020.md", "utf8");
// Quadratic for micromark (about 2 s of CPU at 10,000 marks) yet under the shape check's 5,000-mark limit per paragraph.
const slow = Array.from({ length: 40 }, () => "*a".repeat(2_400)).join("\n\n");

/** The event loop's worst delay while `work` runs, from a 10 ms timer. */
async function worstLag<T>(work: Promise<T>): Promise<{ lag: number; outcome: T | AppError }> {
  let lag = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    lag = Math.max(lag, now - last - 10);
    last = now;
  }, 10);
  const outcome = await work.catch((error: AppError) => error);
  clearInterval(timer);
  return { lag, outcome };
}

describe("processing in a worker thread", () => {
  it("reads an article exactly as this thread does", async () => {
    const inWorker = await workerProcessing().readArticle(seed, { fileName: "seed.md" });
    expect(inWorker).toEqual(readArticle(seed, { fileName: "seed.md" }));
    expect(inWorker.claims.length).toBeGreaterThan(10);
  });

  it("re-anchors exactly as this thread does", async () => {
    const claims = readArticle(seed).claims.slice(0, 5).map((c, id) => ({ id, quote: c.quote, position: { start: c.sourceStart, end: c.sourceEnd } }));
    const edited = `# New\n\n${seed.replace("from 36 to 149", "from 36 to 150")}`;
    expect(await workerProcessing().reanchor(seed, edited, claims)).toEqual(await inProcess.reanchor(seed, edited, claims));
  });

  it("refuses an upload with more claims than one article may hold, saying how many, in the worker", async () => {
    const found = readArticle(seed).claims.length;
    const outcome = await runInWorker({ kind: "read-article", text: seed, fileName: "seed.md", maxClaims: found - 1 }).catch((error: AppError) => error);
    expect(outcome).toBeInstanceOf(AppError);
    expect((outcome as AppError).code).toBe("TOO_LARGE");
    expect((outcome as AppError).message).toContain(`holds ${found} check-worthy sentences; one article takes up to ${found - 1}`);
    expect(await runInWorker({ kind: "read-article", text: seed, fileName: "seed.md", maxClaims: found })).toEqual(readArticle(seed, { fileName: "seed.md" }));
  });

  it("past the time limit the worker is stopped and a sentence says why, while this thread stays free", async () => {
    const started = performance.now();
    const { lag, outcome } = await worstLag(runInWorker({ kind: "read-article", text: slow }, { timeLimitMs: 1_500 }));
    expect(outcome).toBeInstanceOf(AppError);
    expect((outcome as AppError).message).toMatch(/^This text is too complex to process \(it took longer than 2 seconds\); nothing was imported\./);
    expect(performance.now() - started).toBeLessThan(6_000);
    // In this thread the reading would hold the loop for the whole 1.5 s and more; the margin is for a loaded machine.
    expect(lag).toBeLessThan(750);
  });

  it("an aborted request stops the worker and gets no result", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const error = await runInWorker({ kind: "read-article", text: slow }, { signal: controller.signal }).catch((e: AppError) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(/cancelled/);
  });

  it("a refusal inside the worker keeps its code and sentence", async () => {
    const error = await runInWorker({ kind: "read-article", text: `${"- ".repeat(1500)}x` }).catch((e: AppError) => e);
    expect(error).toMatchObject({ code: "BAD_INPUT", message: expect.stringMatching(/1500 levels deep/) });
  });
});
