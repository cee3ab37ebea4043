import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { seedApproved } from "../reading/reading-support";
import { importFile, runSeedScript } from "../support";

export type HomeArticle = { slug: string; title: string; marker: string; publisher: string; figure: string };
export type Progress = { total: number; reviewed: number; approved: number; assigned: number };

/**
 * Imports the seed article under a unique slug, with a unique title, publisher and sentence, and
 * approves two of its claims (reading/seed-approved.ts); published unless `draft`. With `assign`,
 * three claims go to the reviewer too (seed-home.ts), and the numbers the front page should show
 * come back.
 */
export function seedHomeArticle(kind: "draft" | "published", options: { assign?: boolean } = {}): HomeArticle & { progress?: Progress } {
  const id = randomBytes(4).toString("hex");
  const marker = `Lanternwick${id}`;
  const title = `${marker} ${kind} piece on the 287(g) program`;
  const publisher = `Gazette${id} Press`;
  const figure = kind === "draft" ? "6,543 transfers" : "7,654 transfers";
  const text = readFileSync("content/ice-287g-fy2020.md", "utf8")
    .replace(/^title: ".*"$/m, `title: "${title}"\npublisher: "${publisher}"`)
    .replace(/^# .*$/m, `# ${title}\n\nThe ${marker} county counted ${figure} in 2020.`);
  const dir = mkdtempSync(path.join(tmpdir(), "claimdesk-e2e-"));
  const file = path.join(dir, "article.md");
  writeFileSync(file, text);
  // The slug carries no marker: redirects and the 404's flight payload echo the address.
  const slug = `home-${kind}-${id}`;
  try {
    importFile(file, slug);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  seedApproved(slug, { draft: kind === "draft" });
  const article = { slug, title, marker, publisher, figure };
  if (!options.assign) return article;
  const out = runSeedScript("tests/e2e/home/seed-home.ts", [slug]);
  return { ...article, progress: JSON.parse(out.trim().split("\n").at(-1)!) as Progress };
}

/** A slug that does not exist, as long as the draft's, so the two 404 documents compare byte for byte. */
export const missingSlugLike = (slug: string) => slug.replace(/[0-9a-f]{8}$/, "00000000").replace(/^home-draft/, "home-gone0");

/**
 * A Next page as its HTML outside the flight payload, plus the payload's rows as a sorted list:
 * each page has its own CSP nonce, and React streams the rows in whichever order they settle, so
 * two identical pages differ only there. (As in reading/anonymous-drafts.spec.ts.)
 */
export function sameDocument(page: string): { html: string; rows: string[] } {
  const nonce = / nonce="([^"]+)"/.exec(page)?.[1];
  const body = nonce ? page.replaceAll(nonce, "NONCE") : page;
  const flight = /<script>self\.__next_f\.push\(\[1,"((?:[^"\\]|\\.)*)"\]\)<\/script>/g;
  const rows = [...body.matchAll(flight)].flatMap((m) => m[1]!.split("\\n")).sort();
  return { html: body.replace(flight, ""), rows };
}
