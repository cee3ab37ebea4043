import { describe, expect, it } from "vitest";
import { chooseThreshold, figuresAt, fitSameClaim, pairsOf, type TrainingQuery } from "@/lib/matching/fit-same-claim";
import { PAIR_FEATURES } from "@/lib/matching/pair-features";
import { rankCandidates } from "@/lib/matching/refresh";
import { NEVER_SAME, shippedModel, type SameClaimModel } from "@/lib/matching/same-claim";
import { scoreMatch } from "@/lib/matching/score";
import type { Candidate } from "@/lib/matching/search-index";
import { compareWrittenNumbers, writtenNumbers } from "@/lib/matching/written-numbers";

/** The learned "same" decision: the guards it may not overrule, its abstention, and its fitting. */

const claim = (text: string) => ({ text });
/** A model sure of everything: what the guards must still hold back. */
const ALWAYS_SURE: SameClaimModel = { ...NEVER_SAME, bias: 50, threshold: 0.5 };

describe("the shipped model", () => {
  it("was trained on the features the code computes, so it is the one used", () => {
    const model = shippedModel();
    expect(model).not.toBe(NEVER_SAME);
    expect(model.features).toEqual([...PAIR_FEATURES]);
    expect(model.weights).toHaveLength(PAIR_FEATURES.length);
    expect(model.threshold).toBeGreaterThan(0);
    expect(model.threshold).toBeLessThan(1);
  });
  it("calls a restatement the same claim and says how sure it is", () => {
    const m = scoreMatch(claim("The Ferris County clerk rejected 1,250 mail ballots in the general election."), claim("In the Ferris County general election, 1,250 mail-in ballots were rejected by the clerk."));
    expect(m?.relation).toBe("same");
    expect(m?.reasons.some((r) => /^the same claim: \d+% sure$/.test(r))).toBe(true);
  });
  it("abstains on a claim sharing a topic and a few words but asserting something else", () => {
    expect(scoreMatch(claim("Ferris County opened two new early-voting sites for the general election."), claim("Ferris County election officials hired 40 more poll workers."))?.relation ?? "none").not.toBe("same");
  });
});

describe("the guards the model may not overrule", () => {
  it("keeps a changed number, a flipped polarity and another subject apart, however sure the model", () => {
    const related = (a: string, b: string) => scoreMatch(claim(a), claim(b), {}, ALWAYS_SURE)?.relation;
    expect(related("Agencies taking part grew from 36 to 149.", "Agencies taking part grew from 36 to 150.")).toBe("related");
    expect(related("The jail honored 221 ICE detainers in 2022.", "The jail honored 221 ICE detainers in 2021.")).toBe("related");
    expect(related("Ridership in Halden has recovered.", "Ridership in Halden has not recovered.")).toBe("related");
    expect(related("Violent crime in Dunmore fell 8% in 2023.", "Property crime in Dunmore fell 8% in 2023.")).toBe("related");
    expect(related("Ferris County rejected 1,250 mail ballots.", "Ferris County rejected 1,250 mail ballots.")).toBe("same");
  });
  it("reads written numbers plainly, as a backstop under the figures", () => {
    expect(writtenNumbers("$14.3k a year, 1.2 million people, 1,261 aliens")).toEqual([14300, 1200000, 1261]);
    expect(compareWrittenNumbers(writtenNumbers("1.2 million people"), writtenNumbers("1,200,000 people"))).toBe("agree");
    expect(compareWrittenNumbers(writtenNumbers("from 36 to 149"), writtenNumbers("from 36 to 150"))).toBe("conflict");
    expect(compareWrittenNumbers(writtenNumbers("1,261 in FY 2020"), writtenNumbers("1,261"))).toBe("one-sided");
    expect(compareWrittenNumbers([], [])).toBe("none");
    expect(writtenNumbers("Costs rose $1.5M, and the pool is 5m deep.")).toEqual([1500000, 5]);
  });
  it("leaves the numbers the figures read to the figures, which know a span in another unit", () => {
    expect(scoreMatch(claim("The Arlow pilot program ran for 36 months."), claim("The Arlow pilot program ran for three years."), {}, ALWAYS_SURE)?.relation).toBe("same");
    expect(scoreMatch(claim("The Arlow pilot program ran for 36 months."), claim("The Arlow pilot program ran for four years."), {}, ALWAYS_SURE)?.relation).toBe("related");
  });
  it("says 'same' of nothing under a model that is never sure (a stale model file)", () => {
    expect(scoreMatch(claim("Ferris County rejected 1,250 mail ballots."), claim("Ferris County rejected 1,250 mail ballots."), {}, NEVER_SAME)?.relation).toBe("related");
  });
});

describe("the candidate's place among the others", () => {
  const candidates = (texts: string[]): Map<string, Candidate[]> => new Map([["q", texts.map((text, i) => ({ claimId: `c${i}`, articleId: `a${i}`, text, bm25: 10 - i }))]]);
  it("is less sure of a claim that has a near twin among the candidates than of the same claim alone", () => {
    const query = [{ id: "q", text: "Westbrook added 1,800 homes in 2023, the city's planning office said." }];
    const gold = "The Westbrook planning office said the city added 1,800 homes in 2023.";
    const twin = "The Westbrook planning office said the city added 1,800 homes and offices in 2023.";
    const alone = rankCandidates(query, candidates([gold]))
      .get("q")!
      .find((m) => m.matchedClaimId === "c0")!;
    const beside = rankCandidates(query, candidates([gold, twin]))
      .get("q")!
      .find((m) => m.matchedClaimId === "c0")!;
    const sureness = (reasons: string[]) => Number(/(\d+)% sure/.exec(reasons.find((r) => r.includes("% sure"))!)![1]);
    expect(sureness(beside.reasons)).toBeLessThan(sureness(alone.reasons));
  });
});

describe("fitting", () => {
  const vector = (overlap: number) => PAIR_FEATURES.map((name) => (name === "overlap" ? overlap : 0));
  const query = (gold: number, other: number): TrainingQuery => ({
    candidates: [
      { id: "gold", vector: vector(gold), guarded: false },
      { id: "other", vector: vector(other), guarded: false },
      { id: "changed", vector: vector(0.95), guarded: true },
    ],
    gold: "gold",
    differentNumber: ["changed"],
    guardCases: ["changed"],
  });
  const groups = [0, 1, 2].map((g) => Array.from({ length: 20 }, (_, i) => query(0.7 + ((i + g) % 5) * 0.05, 0.2 + ((i + g) % 4) * 0.05)));
  it("learns from the candidates, leaving out the guards' own cases", () => {
    expect(pairsOf(groups[0]!)).toHaveLength(40);
    const model = fitSameClaim(pairsOf(groups.flat()), 0.5, 0.01);
    expect(model.weights[PAIR_FEATURES.indexOf("overlap")]).toBeGreaterThan(0);
  });
  it("chooses a threshold on splits the weights did not see, and never calls a guarded candidate 'same'", () => {
    const t = chooseThreshold(groups, 0.01);
    const model = fitSameClaim(pairsOf(groups.flat()), t, 0.01);
    const confidences = groups[0]!.map((q) => q.candidates.map((c) => ({ id: c.id, confidence: c.guarded ? 0 : 1 / (1 + Math.exp(-(model.bias + model.weights.reduce((s, w, j) => s + (w * (c.vector[j]! - model.mean[j]!)) / model.scale[j]!, 0)))) })));
    const f = figuresAt(groups[0]!, confidences, t);
    expect(f.wrongNumber).toBe(0);
    expect(f.correct).toBe(f.answered);
    expect(f.correct).toBe(20);
  });
});

describe("restatements and changed copies written apart from the splits (session 8 probe)", () => {
  // Written for this file in the fixture README's kinds of pair, never tuned on.
  const restatements: [string, string][] = [
    ["Crestview's library system checked out 412,000 books last year, the director said.", "Library director says Crestview libraries lent 412,000 books last year."],
    ["\"We cut property taxes by 8 percent,\" Mayor Olin said.", "Mayor Olin said her administration lowered property taxes 8%."],
    ["The county jail held an average of 1,150 inmates a day in 2022.", "In 2022, the county jail's average daily population was 1,150 inmates."],
    ["Nearly one in four Bexley children lives in poverty.", "About 25% of children in Bexley live in poverty."],
    ["Bexley's unemployment rate fell to 3.9% in June.", "In June, the jobless rate in Bexley dropped to 3.9 percent."],
    ["The new stadium will cost taxpayers $1.1 billion.", "Taxpayers will pay $1,100 million for the new stadium."],
    ["Senator Vance has never voted for a tax increase.", "Vance has not once voted to raise taxes, the senator said."],
    ["Halford County's population doubled between 2000 and 2020.", "Between 2000 and 2020 the number of Halford County residents grew by 100%."],
    ["The district hired 85 new teachers this fall.", "Eighty-five teachers joined the district this fall as new hires."],
    ["Emergency room wait times at Mercy General average four hours.", "Patients wait an average of 4 hours in Mercy General's emergency room."],
    ["Ridgeway recycled 38% of its household waste in 2023.", "In 2023 Ridgeway's recycling rate for household waste was 38 percent."],
    ["Overdose deaths in Pike County fell by half over five years.", "Pike County overdose deaths dropped 50% over a five-year period."],
    ["The transit agency carried 2.4 million riders in March.", "In March, 2,400,000 people rode the transit agency's buses and trains."],
    ["Governor Hale signed 212 bills into law in 2023.", "In 2023, 212 bills became law with Governor Hale's signature."],
    ["Almost 40,000 Dunmore residents lack health insurance.", "Close to 40,000 people in Dunmore are uninsured."],
  ];
  const changed: [string, string][] = [
    ["Crestview's library system checked out 412,000 books last year.", "Crestview's library system checked out 421,000 books last year."],
    ["Bexley's unemployment rate fell to 3.9% in June.", "Bexley's unemployment rate rose to 3.9% in June."],
    ["Senator Vance has never voted for a tax increase.", "Senator Vance voted for a tax increase in 2019."],
    ["The county jail held an average of 1,150 inmates a day in 2022.", "The county jail held an average of 1,150 inmates a day in 2021."],
    ["Governor Hale signed 212 bills into law in 2023.", "Governor Hale vetoed 212 bills in 2023."],
    ["The transit agency carried 2.4 million riders in March.", "The transit agency carried 2.4 million riders in April."],
    ["The new stadium will cost taxpayers $1.1 billion.", "The new stadium will cost taxpayers $1.1 million."],
    ["Overdose deaths in Pike County fell by half over five years.", "Overdose deaths in Pike County fell by half over ten years."],
  ];
  it("calls nearly every restatement the same claim", () => {
    const found = restatements.filter(([a, b]) => scoreMatch(claim(a), claim(b))?.relation === "same");
    // One is missed: 'doubled' is not read as 'grew by 100%'.
    expect(found.length).toBeGreaterThanOrEqual(restatements.length - 1);
  });
  it("never calls a copy with a number, a year, a month or the polarity changed the same claim", () => {
    expect(changed.filter(([a, b]) => scoreMatch(claim(a), claim(b))?.relation === "same")).toEqual([]);
  });
  // Known weakness: a copy with one word swapped on the same figures ('85 new teachers' / '85 new
  // bus drivers', 'household' / 'commercial waste') is 'same' unless contrast.ts lists the pair.
});
