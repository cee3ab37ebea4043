import { readFileSync } from "node:fs";

/**
 * Global setup of the PostgreSQL run (playwright.config.ts): Playwright starts the webServer first,
 * so scripts/e2e-server.ts has made the throwaway cluster by now and written its URL to
 * E2E_STATE_FILE. Set here, E2E_DATABASE_URL reaches every worker, and the specs seed through it
 * exactly as they do on SQLite.
 */
export default function e2eDatabase(): void {
  const file = process.env.E2E_STATE_FILE;
  if (!file) throw new Error("E2E_STATE_FILE is not set: run the tests through playwright.config.ts");
  const state = JSON.parse(readFileSync(file, "utf8")) as { engine: string; databaseUrl: string };
  process.env.E2E_DATABASE_URL = state.databaseUrl;
  console.log(`e2e: ${state.engine} database ${state.databaseUrl.replace(/:[^:@/]+@/, ":***@")}`);
}
