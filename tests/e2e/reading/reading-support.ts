import { runSeedScript } from "../support";

export type SeededReading = { headlineId: string; statisticId: string; falseId: string | null; sourceTitle: string };

/** Approves two claims of a seeded article (three with `rateFalse`; see seed-approved.ts) and publishes it unless `draft`. */
export function seedApproved(slug: string, options: { draft?: boolean; rateFalse?: boolean } = {}): SeededReading {
  const args = [...(options.draft ? ["--draft"] : []), ...(options.rateFalse ? ["--false"] : [])];
  const out = runSeedScript("tests/e2e/reading/seed-approved.ts", [slug, ...args]);
  return JSON.parse(out.trim().split("\n").at(-1)!) as SeededReading;
}

/** Publishes the seed article the way setup does outside production (idempotent). */
export function publishSeed(): void {
  runSeedScript("tests/e2e/reading/publish-seed.ts", [], { stdio: "pipe" });
}
