/**
 * The same file gives the same claims: `npm run claims` (run as a user runs it) and importArticle
 * (on a real SQLite file, claims read back from it) find identical claims, same texts and kinds in
 * the same order, in every fixture article, whatever its format. Both read the file through
 * lib/claims/prepare.ts; this test fails as soon as either path reads it another way.
 */
import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importArticle } from "@/lib/articles/import-article";
import { importRevision } from "@/lib/revisions/import-revision";
import { tempDatabase } from "../../support/temp-database";

const run = promisify(execFile);
const tsx = path.resolve("node_modules/.bin/tsx");
const FIXTURES = "tests/fixtures/claims";

/** Every fixture article: the labelled articles, each stage case's input, the HTML and Markdown pages. */
const files = [
  ...readdirSync(path.join(FIXTURES, "articles")).filter((f) => !f.endsWith(".json")).map((f) => path.join(FIXTURES, "articles", f)),
  ...readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(path.join(FIXTURES, d.name)).filter((f) => /^input\./.test(f)).map((f) => path.join(FIXTURES, d.name, f))),
  ...readdirSync(path.join(FIXTURES, "pages")).map((f) => path.join(FIXTURES, "pages", f)),
].sort();

interface CliClaim {
  kind: string;
  text: string;
  sourceStart: number;
  sourceEnd: number;
}

const slugOf = (file: string) => file.replace(/^.*claims\//, "").replace(/\.[^.]+$/, "").replace(/[^a-z0-9]+/gi, "-").toLowerCase();
/** Letters and digits only: Markdown and HTML syntax, entities and white space removed. */
const words = (s: string) => s.replace(/<[^>]*>/g, "").replace(/&[a-z]+;|&#\d+;/gi, "").replace(/\]\([^)]*\)/g, "").replace(/[^\p{L}\p{N}]/gu, "");

let t: ReturnType<typeof tempDatabase>;
const cli = new Map<string, CliClaim[]>();

/** The claims importArticle stored for `slug`'s latest revision, in order. */
async function storedClaims(slug: string) {
  const claims = await t.db.claim.findMany({
    where: { article: { slug } },
    orderBy: { position: "asc" },
    select: { kind: true, text: true },
  });
  return claims.map(({ kind, text }) => ({ kind, text }));
}

beforeAll(async () => {
  t = tempDatabase();
  // Two at a time: each run starts tsx, and the machine is shared.
  const queue = [...files];
  const worker = async () => {
    for (let file = queue.shift(); file; file = queue.shift()) {
      const { stdout } = await run(tsx, ["scripts/claims.ts", file], { encoding: "utf8", maxBuffer: 1 << 26 });
      cli.set(file, (JSON.parse(stdout) as { claims: CliClaim[] }).claims);
    }
  };
  await Promise.all([worker(), worker()]);
}, 240_000);
afterAll(async () => t.dispose());

describe("npm run claims and importArticle", () => {
  it("cover every fixture article, in every format", () => {
    expect(files.length).toBeGreaterThanOrEqual(12);
    expect(new Set(files.map((f) => path.extname(f)))).toEqual(new Set([".md", ".txt", ".html"]));
  });

  it.each(files)("%s: the same claims, same texts and kinds, in order", async (file) => {
    const text = readFileSync(file, "utf8");
    const slug = slugOf(file);
    const outcome = await importArticle(t.db, { text, fileName: path.basename(file), slug });
    const fromCli = cli.get(file)!.map(({ kind, text }) => ({ kind, text }));
    expect(fromCli.length).toBeGreaterThan(0);
    expect(await storedClaims(slug)).toEqual(fromCli);
    expect(outcome.claimCount).toBe(fromCli.length);
    // And the command line still points into FILE's own text.
    for (const c of cli.get(file)!) expect(words(text.slice(c.sourceStart, c.sourceEnd))).toContain(words(c.text).slice(0, 40));
  });

  it("drop the page's furniture on both paths", () => {
    const texts = cli.get(path.join(FIXTURES, "pages/harbor-bridge-page.html"))!.map((c) => c.text);
    expect(texts).toContain("Under state law, a bridge rated in poor condition must be inspected every 12 months instead of every 24.");
    for (const furniture of ["120,000 readers", "61,000 vehicles", "2,400 readers", "Toll revenue", "35,000 subscribers", "14 state press awards"]) {
      expect(texts.join("\n"), furniture).not.toContain(furniture);
    }
  });

  it("pasted text, which has no file name, gives the claims of the named file", async () => {
    for (const name of ["harbor-bridge-page.html", "riverside-budget-with-div.md"]) {
      const file = path.join(FIXTURES, "pages", name);
      const slug = `pasted-${slugOf(file)}`;
      await importArticle(t.db, { text: readFileSync(file, "utf8"), fileName: "pasted text", slug });
      expect(await storedClaims(slug), name).toEqual(cli.get(file)!.map(({ kind, text }) => ({ kind, text })));
    }
  });

  it("a revision pasted on the revisions page is read as Markdown when it is Markdown with a <div>", async () => {
    const actor = await t.db.user.create({ data: { email: "editor@example.org", role: "editor" }, select: { id: true } });
    await importArticle(t.db, { text: "# Riverside schools budget, explained\n\nThe district hired 3 teachers in 2015.\n", fileName: "riverside.md", slug: "riverside" });
    const md = readFileSync(path.join(FIXTURES, "pages/riverside-budget-with-div.md"), "utf8");
    const outcome = await importRevision(t.db, { slug: "riverside", text: md, actorId: actor.id });
    expect(outcome.revisionNumber).toBe(2);
    const revision = await t.db.revision.findFirstOrThrow({ where: { article: { slug: "riverside" }, number: 2 }, select: { sourceFormat: true, text: true } });
    expect(revision).toEqual({ sourceFormat: "markdown", text: md });
    expect(outcome.claimCount).toBe(46);
  });
});
