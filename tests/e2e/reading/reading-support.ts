import { execFileSync } from "node:child_process";
import path from "node:path";

export type SeededReading = { headlineId: string; statisticId: string; falseId: string | null; sourceTitle: string };

/** Approves two claims of a seeded article (three with `rateFalse`; see seed-approved.ts) and publishes it unless `draft`. */
export function seedApproved(slug: string, options: { draft?: boolean; rateFalse?: boolean } = {}): SeededReading {
  const args = [...(options.draft ? ["--draft"] : []), ...(options.rateFalse ? ["--false"] : [])];
  const out = execFileSync(path.resolve("node_modules/.bin/tsx"), ["tests/e2e/reading/seed-approved.ts", slug, ...args], {
    env: { ...process.env, DATABASE_URL: e2eDatabaseUrl() },
    encoding: "utf8",
  });
  return JSON.parse(out.trim().split("\n").at(-1)!) as SeededReading;
}

/** Publishes the seed article the way setup does outside production (idempotent). */
export function publishSeed(): void {
  execFileSync(path.resolve("node_modules/.bin/tsx"), ["tests/e2e/reading/publish-seed.ts"], {
    env: { ...process.env, DATABASE_URL: e2eDatabaseUrl() },
    stdio: "pipe",
  });
}

function e2eDatabaseUrl(): string {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set: run the tests through playwright.config.ts");
  return url;
}
