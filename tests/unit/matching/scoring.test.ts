import { describe, expect, it } from "vitest";
import { compareFigures } from "@/lib/matching/figures";
import { contentWords, searchTerms } from "@/lib/matching/normalise";
import { numbersAsDigits } from "@/lib/matching/number-words";
import { oppositePolarity, polarityOf } from "@/lib/matching/polarity";
import { scoreMatch } from "@/lib/matching/score";

const claim = (text: string) => ({ text });
const relation = (a: string, b: string) => scoreMatch(claim(a), claim(b))?.relation ?? "none";

describe("normalised words", () => {
  it("drops case, punctuation, possessives and function words, and cuts plain suffixes", () => {
    expect(contentWords("Halden's buses, RIDERSHIP: the ballots were rejected.")).toEqual(["halden", "bus", "ridership", "ballot", "reject"]);
  });
  it("makes words of one meaning one", () => {
    expect(contentWords("jobless")).toEqual(contentWords("unemployment"));
  });
  it("asks the index for each word's inflections, the same-meaning words, and number digits", () => {
    const terms = searchTerms("Jobless claims rose to 1,250");
    expect(terms.find((forms) => forms.includes("jobless"))).toContain("unemployment");
    expect(terms.find((forms) => forms.includes("claims"))).toContain("claim");
    expect(terms).toContainEqual(["250"]);
  });
  it("writes numbers in words as digits", () => {
    expect(numbersAsDigits("two hundred thousand jobs")).toBe("200000 jobs");
    expect(numbersAsDigits("a trillion dollars")).toBe("$1 trillion");
    expect(numbersAsDigits("nine in ten voters")).toBe("90% voters");
    expect(numbersAsDigits("two dozen schools")).toBe("24 schools");
    expect(numbersAsDigits("four and a half percent")).toBe("4.5 percent");
    expect(numbersAsDigits("cut emissions in half")).toBe("cut emissions by 50%");
  });
});

describe("figures", () => {
  it("reads 1.2 million as 1,200,000 and $2.3 billion as $2,300 million", () => {
    expect(compareFigures(claim("1.2 million people enrolled in 2023"), claim("1,200,000 people enrolled in 2023")).agreement).toBe("same");
    expect(compareFigures(claim("It will cost $2.3 billion."), claim("The price is $2,300 million.")).agreement).toBe("same");
  });
  it("tells a change from 36 to 149 from one from 36 to 150, in words", () => {
    const same = compareFigures(claim("grew from 36 to 149 in FY 2020"), claim("went from 36 to 149 in FY 2020"));
    expect(same).toEqual({ agreement: "same", reasons: ["same figures: 36, 149, 2020"] });
    const other = compareFigures(claim("grew from 36 to 149"), claim("grew from 36 to 150"));
    expect(other.agreement).toBe("different");
    expect(other.reasons).toEqual(["different number: 149 vs 150"]);
  });
  it("holds percent apart from percentage points, and years and relative times apart", () => {
    expect(compareFigures(claim("dropped by 1.5 percent"), claim("dropped by 1.5 percentage points")).agreement).toBe("different");
    expect(compareFigures(claim("1,800 homes in 2023"), claim("1,800 homes in 2022")).reasons).toContain("different year: 2023 vs 2022");
    expect(compareFigures(claim("opens this fall"), claim("opens next fall")).agreement).toBe("different");
    expect(compareFigures(claim("$15 a day"), claim("$15 a month")).agreement).toBe("different");
  });
  it("holds a reversed change, another ordinal and a condition apart", () => {
    expect(compareFigures(claim("grew from 36 to 149"), claim("fell from 149 to 36")).agreement).toBe("different");
    expect(compareFigures(claim("third-graders gained 4 points"), claim("eighth-graders gained 4 points")).reasons).toContain("different ordinal: 3 vs 8");
    expect(compareFigures(claim("capped at 3% plus inflation"), claim("capped at 3%")).agreement).toBe("different");
    expect(compareFigures(claim("a third of 90 schools"), claim("one-third of 90 schools")).agreement).toBe("same");
  });
  it("reads 'the year before' a year as the year before it", () => {
    expect(compareFigures(claim("an 18 percent drop in 2023 from the year before"), claim("fell 18% in 2023 compared with 2022")).agreement).toBe("same");
  });
});

describe("polarity", () => {
  const opposite = (a: string, b: string) => oppositePolarity(polarityOf(a), polarityOf(b)) !== null;
  it("reads negations: not, never, no longer, failed to", () => {
    expect(opposite("Ridership did not rise.", "Ridership rose.")).toBe(true);
    expect(opposite("He never signed the agreement.", "He signed the agreement.")).toBe(true);
    expect(opposite("The clinic no longer takes walk-ins.", "The clinic takes walk-ins.")).toBe(true);
    expect(opposite("The council failed to pass the levy.", "The council passed the levy.")).toBe(true);
  });
  it("reads antonyms as opposite directions, and a negated one as its opposite", () => {
    expect(opposite("Crime rose 5%.", "Crime fell 5%.")).toBe(true);
    expect(opposite("Crime increased.", "Crime decreased.")).toBe(true);
    expect(opposite("Ridership has not recovered.", "Ridership is still below where it was.")).toBe(false);
    expect(opposite("The measure did not pass.", "The measure failed.")).toBe(false);
    expect(opposite("The state lost 48,000 jobs.", "Employers created 48,000 jobs.")).toBe(true);
    expect(opposite("the lowest turnout since 2005", "the highest turnout since 2005")).toBe(true);
  });
  it("lets a direction word on one side only be a paraphrase", () => {
    expect(opposite("The rate went from 71% to 84%.", "The rate climbed from 71% to 84%.")).toBe(false);
  });
});

describe("scoreMatch", () => {
  it("calls a paraphrase with the same figures the same claim, with its reasons in words", () => {
    const m = scoreMatch(claim("Officials rejected 1,250 mail ballots in the Ferris County general election."), claim("In the Ferris County general election, 1,250 mail-in ballots were rejected."));
    expect(m?.relation).toBe("same");
    expect(m?.score).toBeGreaterThan(0.5);
    expect(m?.score).toBeLessThanOrEqual(1);
    expect(m?.reasons[0]).toBe("same figures: 1,250");
    expect(m?.reasons.some((r) => r.startsWith("shared words: ") && r.includes("ballot"))).toBe(true);
  });
  it("makes a different number or an opposite claim at most related, saying why", () => {
    const wrongNumber = scoreMatch(claim("The jail honored 221 ICE detainers in 2022."), claim("The jail honored 212 ICE detainers in 2022."));
    expect(wrongNumber?.relation).toBe("related");
    expect(wrongNumber?.reasons).toContain("different number: 221 vs 212");
    const flipped = scoreMatch(claim("Bus ridership in Halden has recovered to pre-pandemic levels."), claim("Bus ridership in Halden has not recovered to pre-pandemic levels."));
    expect(flipped?.relation).toBe("related");
    expect(flipped?.reasons.some((r) => r.startsWith("opposite: "))).toBe(true);
  });
  it("keeps claims about different groups apart, however alike their words and figures", () => {
    const m = scoreMatch(claim("Violent crime in Dunmore fell 8% in 2023."), claim("Property crime in Dunmore fell 8% in 2023."));
    expect(m?.relation).toBe("related");
    expect(m?.reasons).toContain("different subject: violent vs property");
    expect(relation("Dunmore schools lost 40 teachers in 2023.", "Dunmore schools lost 40 students in 2023.")).toBe("related");
  });
  it("offers nothing for a claim on another subject", () => {
    expect(relation("The Riverton council approved a $412 million budget.", "Harlow Health plans to hire 40 nurses.")).toBe("none");
  });
});
