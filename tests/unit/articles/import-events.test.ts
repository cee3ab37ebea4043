import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArticle } from "@/lib/articles/create-article";
import { importEventStream, type ImportEvent } from "@/lib/articles/import-events";
import { describeProgress } from "@/lib/articles/import-progress";
import { tempDatabase } from "../../support/temp-database";

// The import form's stream of stages (POST /api/articles with Accept: application/x-ndjson), over a real import.
const seed = readFileSync("content/ice-287g-fy2020.md", "utf8");
let t: ReturnType<typeof tempDatabase>;
let actorId: string;
beforeAll(async () => {
  t = tempDatabase();
  actorId = (await t.db.user.create({ data: { email: "r@example.com", name: "Rita", role: "reviewer" } })).id;
});
afterAll(() => t.dispose());

async function events(stream: ReadableStream<Uint8Array>): Promise<ImportEvent[]> {
  const text = await new Response(stream).text();
  expect(text.endsWith("\n")).toBe(true);
  return text.trim().split("\n").map((line) => JSON.parse(line) as ImportEvent);
}

describe("importEventStream", () => {
  it("tells each stage as it happens, then the outcome", async () => {
    const lines = await events(importEventStream((onProgress) => createArticle(t.db, { source: { text: seed, fileName: "ice.md" }, fields: {}, actorId }, { onProgress })));
    const last = lines.at(-1)!;
    expect(last).toMatchObject({ data: { status: "created", slug: "ice" } });
    const claimCount = "data" in last ? last.data.claimCount : -1;
    const progress = lines.flatMap((e) => ("progress" in e ? [e.progress] : []));
    expect(progress[0]).toEqual({ stage: "extracting", done: 0, total: 1 });
    expect(progress.at(-1)).toEqual({ stage: "writing", done: claimCount, total: claimCount });
    expect(describeProgress(progress.at(-1)!)).toBe(`Writing claims: ${claimCount} of ${claimCount}…`);
    expect(describeProgress(progress[0]!)).toBe("Finding claims…");
  });

  it("ends with the refusal, in the API's error shape, when the import is refused", async () => {
    const lines = await events(importEventStream((onProgress) => createArticle(t.db, { source: { text: seed, fileName: "ice.md" }, fields: {}, actorId }, { onProgress })));
    const last = lines.at(-1)!;
    expect(last).toMatchObject({ error: { code: "CONFLICT", fields: { slug: [expect.stringMatching(/^An article with the slug "ice" already exists/)] } } });
    expect(await t.db.article.count()).toBe(1);
  });
});
