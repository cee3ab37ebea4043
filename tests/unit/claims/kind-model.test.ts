/**
 * The learned kind model: its trainer learns what it is shown, the combination with the rules does
 * what the shipped decision says, and the shipped file loads and keeps the rules' kind where the
 * model is unsure.
 */
import { describe, expect, it } from "vitest";
import { extractClaims } from "@/lib/claims";
import { claimKind } from "@/lib/claims/model/kinds";
import { kindFeatures, type KindInput } from "@/lib/claims/model/kinds-features";
import { decide, fitKinds, kindPredictor } from "@/lib/claims/model/kinds-training";
import type { ClaimKind } from "@/lib/claims/types";
import modelFile from "@/models/kinds/model.json";

const input = (text: string, ruleKind: ClaimKind, signals: string[] = []): KindInput => ({ text, ruleKind, signals, block: "paragraph", context: null, spoken: false });

describe("kind model", () => {
  it("reads the rules' signals, the block and (optionally) the rules' kind as features", () => {
    const fs = kindFeatures({ ...input("Rents rose 8% last year.", "statistic", ["measured", "trend"]), block: "listItem", context: "Since 2020:" }, true);
    expect(fs).toEqual(expect.arrayContaining(["bias", "w:rents", "num:percent", "sig:measured", "sig:trend", "block:listItem", "ctx:lead-in", "rules:statistic"]));
    expect(kindFeatures(input("Rents rose 8% last year.", "statistic"), false)).not.toContain("rules:statistic");
  });

  it("learns kinds from invented examples and predicts them for unseen sentences", () => {
    const examples = [
      ...["Rents rose 8% in 2023.", "Jail admissions fell 12% last year.", "The county spent $4 million on roads.", "Wait times grew by 40 minutes."].map((t) => ({ input: input(t, "statistic", ["measured"]), label: "statistic" as const })),
      ...["Applicants must file within 60 days.", "Tenants may appeal a rent increase.", "Landlords are required to give notice.", "Employers must post the rules."].map((t) => ({ input: input(t, "program_rule", ["rule:modal"]), label: "program_rule" as const })),
      ...["The council voted on Tuesday.", "The mayor visited the plant.", "The judge resigned in March.", "The firm moved its offices."].map((t) => ({ input: input(t, "factual"), label: "factual" as const })),
    ];
    const predict = kindPredictor(fitKinds(examples, { l2: 1e-3, rate: 0.1, epochs: 30, minCount: 1, withRuleKind: false }));
    expect(predict(input("Evictions rose 15% in 2024.", "statistic", ["measured"])).kind).toBe("statistic");
    expect(predict(input("Renters must file an appeal.", "program_rule", ["rule:modal"])).kind).toBe("program_rule");
    expect(predict(input("The council met in June.", "factual")).kind).toBe("factual");
  });

  it("overrules the rules only where the model is sure enough", () => {
    const sure = { kind: "statistic" as const, probability: 0.8 };
    const unsure = { kind: "statistic" as const, probability: 0.4 };
    expect(decide({ mode: "override", threshold: 0.5 }, "factual", sure)).toBe("statistic");
    expect(decide({ mode: "override", threshold: 0.5 }, "factual", unsure)).toBe("factual");
    expect(decide({ mode: "rules" }, "factual", sure)).toBe("factual");
    expect(decide({ mode: "learned" }, "factual", unsure)).toBe("statistic");
  });

  it("ships a model whose decision the pipeline applies, and says so in a claim's reasons", () => {
    expect(modelFile.format).toBe("claimdesk-kinds/2");
    const decided = claimKind(input("Median rent rose 8.2% between 2021 and 2023, the county's housing office reported.", "statistic", ["measured", "attribution", "trend"]));
    expect(decided.kind).toBe("statistic");
    for (const c of extractClaims("Median rent rose 8.2% between 2021 and 2023, the county's housing office reported.\n\nTenants may appeal an increase within 30 days.").claims) {
      const overruled = c.reasons.find((r) => r.startsWith("kind by the learned model"));
      if (overruled) expect(overruled).toContain(c.kind);
    }
  });
});
