import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const normalize = (css: string) => css.replace(/\s+/g, " ").trim();

describe("public/reading/reading.css", () => {
  const css = readFileSync("public/reading/reading.css", "utf8");

  it("copies the rules it takes from app/globals.css unchanged", () => {
    const copied = /From app\/globals\.css[^]*?\*\/([^]*?)\/\* End of the rules from app\/globals\.css/.exec(css)?.[1];
    expect(copied).toBeTruthy();
    const globals = normalize(readFileSync("app/globals.css", "utf8"));
    const rules = copied!.match(/[^{}]+\{[^}]*\}/g) ?? [];
    expect(rules.length).toBeGreaterThan(20);
    for (const rule of rules) expect(globals, `drifted from app/globals.css: ${normalize(rule)}`).toContain(normalize(rule));
  });

  it("keeps the filters hidden until the script shows them, and has a print stylesheet", () => {
    expect(css).toContain(".reading-filters[hidden] { display: none; }");
    expect(css).toMatch(/@media print \{[^]*\.reading-filters, \.claim-popover/);
  });
});
