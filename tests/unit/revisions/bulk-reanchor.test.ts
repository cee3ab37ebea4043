import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importArticle, type ImportProgress } from "@/lib/articles/import-article";
import { UPDATE_BATCH } from "@/lib/revisions/update-rows";
import { tempDatabase } from "../../support/temp-database";

// An article with more claims than one batch of the re-anchoring UPDATE holds, so the batches'
// seams are crossed: the edits sit in the second and third batch.
const SENTENCES = UPDATE_BATCH * 2 + 80;
const sentence = (i: number, arrests = 100 + i * 7) => `In district ${i + 1}, the sheriff reported ${arrests} arrests in ${1950 + (i % 70)}.`;
const paragraphs = (make: (i: number) => string | null) => {
  const out: string[] = [];
  for (let i = 0; i < SENTENCES; i += 5) out.push(Array.from({ length: 5 }, (_, k) => make(i + k)).filter((s) => s !== null).join(" "));
  return `# Districts\n\n${out.join("\n\n")}\n`;
};
const CHANGED = UPDATE_BATCH + 250;
const DELETED = UPDATE_BATCH * 2 + 50;
const original = paragraphs((i) => sentence(i));
const edited = paragraphs((i) => (i === DELETED ? null : i === CHANGED ? sentence(i, 9999) : sentence(i)));

let t: ReturnType<typeof tempDatabase>;
beforeAll(() => {
  t = tempDatabase();
});
afterAll(async () => {
  await t.dispose();
});

describe("a re-import of more claims than one batch", () => {
  it("moves every claim with its own values, orphans the deleted one, and audits each", async () => {
    const first = await importArticle(t.db, { text: original, fileName: "districts.md" });
    expect(first.claimCount).toBe(SENTENCES);
    const before = new Map((await t.db.claim.findMany({ select: { id: true, text: true, quantities: true, updatedAt: true } })).map((c) => [c.text, c]));

    const progress: ImportProgress[] = [];
    const second = await importArticle(t.db, { text: edited, fileName: "districts.md", onProgress: (p) => progress.push(p) });
    expect(second.reanchored).toEqual({ exact: SENTENCES - 2, changed: 1, orphaned: 1, restored: 0, added: 0 });

    const revision = await t.db.revision.findFirstOrThrow({ where: { number: 2 }, select: { id: true, text: true } });
    const claims = await t.db.claim.findMany({ orderBy: { position: "asc" } });
    const carried = claims.filter((c) => c.revisionId === revision.id);
    expect(carried).toHaveLength(SENTENCES - 1);
    // Each row got its own span, quote and reading position, not a neighbour's.
    expect(carried.map((c) => c.position)).toEqual(carried.map((_, i) => i));
    for (const c of carried) {
      expect(revision.text.slice(c.sourceStart, c.sourceEnd)).toBe(c.quoteExact);
      expect(c.quoteExact).toBe(c.text);
      expect(c.previousRevisionId).not.toBeNull();
      expect(c.updatedAt.getTime()).toBeGreaterThanOrEqual(before.get(c.previousText ?? c.text)!.updatedAt.getTime());
    }
    const changed = carried.find((c) => c.anchorStatus === "changed")!;
    expect(changed.text).toBe(sentence(CHANGED, 9999));
    expect(changed.previousText).toBe(sentence(CHANGED));
    expect(changed.quantities).toContain("9999");
    expect(changed.textStart).not.toBeNull();
    const unchanged = carried.find((c) => c.text === sentence(3))!;
    expect(unchanged.quantities).toBe(before.get(sentence(3))!.quantities);

    const orphan = claims.find((c) => c.revisionId !== revision.id)!;
    expect(orphan).toMatchObject({ text: sentence(DELETED), state: "orphaned", stateBeforeOrphan: "open", anchorStatus: "orphaned" });

    expect(await t.db.auditEvent.count({ where: { action: "claim.reanchor" } })).toBe(SENTENCES - 1);
    expect(await t.db.auditEvent.count({ where: { action: "claim.orphaned" } })).toBe(1);
    expect(await t.db.claimAnchor.count({ where: { revisionId: revision.id } })).toBe(SENTENCES);

    // Progress went through every stage in order and ended each one done.
    expect([...new Set(progress.map((p) => p.stage))]).toEqual(["extracting", "re-anchoring", "writing"]);
    for (const stage of ["extracting", "re-anchoring", "writing"] as const) {
      const last = progress.filter((p) => p.stage === stage).at(-1)!;
      expect(last.done).toBe(last.total);
    }
  });
});
