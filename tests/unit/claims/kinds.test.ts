/**
 * Kinds and non-claims by category, on sentences invented for these tests (none is taken from a
 * labelled article): attributed arguments, forecasts of a policy's effects that name amounts, how a
 * rule runs over time or by condition, what a policy has done, and what a host, a page or a bio says
 * about the occasion rather than the world.
 */
import { describe, expect, it } from "vitest";
import { extractClaims } from "@/lib/claims";
import { typeClaim } from "@/lib/claims/type";

const kindOf = (t: string, context: string | null = null) => typeClaim(t, context).kind;
const kept = (input: string, format: "markdown" | "text" = "markdown") => extractClaims(input, { format }).claims.map((c) => c.text);
const why = (input: string) => extractClaims(input).dropped.map((d) => d.why);

describe("attributed arguments take the kind of what is argued", () => {
  it("types an argument without a figure as a policy assertion", () => {
    expect(kindOf("Opponents argue that the curfew will push teenagers into riskier places.")).toBe("policy_assertion");
    expect(kindOf("The union warned that longer shifts would wear nurses out.")).toBe("policy_assertion");
    expect(kindOf("Landlords contend the registry drives small owners out of the market.")).toBe("policy_assertion");
  });
  it("keeps a reported event factual", () => {
    expect(kindOf("The mayor said the library will reopen on Monday.")).toBe("factual");
  });
});

describe("a forecast of a policy's effects is a policy assertion, amounts and all", () => {
  it("reads a predicted effect naming an amount as a policy assertion", () => {
    expect(kindOf("The new levy will force dozens of bakeries to close and cost thousands of jobs.")).toBe("policy_assertion");
    expect(kindOf('Retailers said the surcharge "would drive 300 shops out of business."')).toBe("policy_assertion");
  });
  it("still reads an estimated cost in money as a statistic", () => {
    expect(kindOf("The plan would cost about $40 million a year, analysts estimated.")).toBe("statistic");
  });
});

describe("how a rule runs over time or by condition is a program rule", () => {
  it("reads schedules, caps and expiry as rules", () => {
    expect(kindOf("After 2030, the allowance will be adjusted each year for inflation.")).toBe("program_rule");
    expect(kindOf("The subsidy expires at the end of 2031 unless the assembly renews it.")).toBe("program_rule");
    expect(kindOf("The stipend is capped at four semesters, and after that it has to be renewed.")).toBe("program_rule");
    expect(kindOf("The ordinance takes effect March 3.")).toBe("program_rule");
  });
  it("reads consequences attached to a condition as rules", () => {
    expect(kindOf("Clinics that fail to report their wait times lose their grant the following year.")).toBe("program_rule");
    expect(kindOf("Landlords who ignore the notice can be fined up to $500 a day.")).toBe("program_rule");
    expect(kindOf("Unspent money would revert to the general fund.")).toBe("program_rule");
    expect(kindOf("The credit applies whether or not the buyer has owned a home before.")).toBe("program_rule");
    expect(kindOf("Apprentices in registered trades", "The main exemptions are:")).toBe("program_rule");
  });
  it("reads what a bill would do as its provision, unless the sentence says what that would do to people", () => {
    expect(kindOf("Lawmakers are weighing a bill that would freeze bus fares at $2 for three years.")).toBe("program_rule");
    expect(kindOf("The bill would raise the toll to $9, which means commuters would pay the most.")).toBe("policy_assertion");
  });
  it("does not take an ordinal or a clock time for a measurement", () => {
    expect(kindOf("A second phase of enrollment will open on May 1.")).toBe("factual");
    expect(kindOf("A third phase of enrollment will open on May 1.")).toBe("factual");
    expect(kindOf("The shelter is busiest at 11 at night, a volunteer said.")).toBe("factual");
  });
});

describe("what a policy has done is a policy assertion", () => {
  it("reads a causal claim without figures as a policy assertion", () => {
    expect(kindOf("The testing regime has narrowed what pupils learn and driven veteran teachers out.")).toBe("policy_assertion");
    expect(kindOf("A lower speed limit means fewer pedestrians die on arterial roads.")).toBe("policy_assertion");
    expect(kindOf("For small farms it's the right move.")).toBe("policy_assertion");
  });
  it("leaves a measured effect a statistic", () => {
    expect(kindOf("The program has cut average waits by 40 percent since 2021.")).toBe("statistic");
  });
});

describe("transcripts: a host running the event is not a claim; speakers' records stay", () => {
  const transcript = [
    "HOST: Good evening and welcome to the Riverside forum.",
    "",
    "HOST: Tonight we have both candidates for the water board. Mr. Ferris, you have two minutes.",
    "",
    "FERRIS: Thank you, Dana. I chaired the board for six years, and we cut leaks by 18 percent.",
    "",
    "HOST: Ms. Ochoa, your response.",
    "",
    "OCHOA: Thanks. Rates rose 30 percent while he chaired it. I have run a utility before.",
    "",
    "HOST: Thank you, Ms. Ochoa. Our next question is from a listener. That's our time.",
    "",
    "FERRIS: Well, we'll know in a year or two.",
  ].join("\n");
  it("drops greetings, thanks, calling on speakers, the clock and the agenda", () => {
    const claims = kept(transcript, "text");
    for (const t of ["Good evening", "Tonight we have", "you have two minutes", "your response", "Thank you, Ms. Ochoa", "next question", "That's our time", "we'll know"]) {
      expect(claims.some((c) => c.includes(t)), t).toBe(false);
    }
  });
  it("keeps a speaker's claims about records and numbers", () => {
    const claims = kept(transcript, "text");
    expect(claims).toContain("I chaired the board for six years, and we cut leaks by 18 percent.");
    expect(claims).toContain("Rates rose 30 percent while he chaired it.");
  });
});

describe("page furniture: bios, pointers, credits, platitudes, should", () => {
  it("drops an author's bio and an organisation's blurb", () => {
    expect(kept("Tomas Reyes is a retired bus driver and a member of the Eastside Tenants Union.")).toEqual([]);
    expect(kept("She writes occasionally about transit and land use.")).toEqual([]);
    expect(kept("The Open Budget Project is a nonprofit group that explains county spending.")).toEqual([]);
  });
  it("drops pointers to a web page, credits, show headers and disclaimers", () => {
    expect(kept("The full 80-page report and its maps are available at parks.example.org/report.")).toEqual([]);
    expect(kept("Market Hour is produced by Delta Community Radio.")).toEqual([]);
    expect(kept("The Harbor Civic League does not endorse candidates.")).toEqual([]);
    expect(kept("This transcript has been edited for length and clarity.")).toEqual([]);
  });
  it("drops 'only time will tell' and a bare should, keeps 'than they should'", () => {
    expect(kept("Only time will tell.")).toEqual([]);
    expect(why("The council should listen to the people who ride these buses every day.")).toEqual(["opinion (what should be done)"]);
    expect(kept("Cases wait longer than they should, and the backlog grew by 9,000 last year.")).toHaveLength(1);
  });
  it("keeps short stance and duration statements (no wholesale drop of short sentences)", () => {
    expect(kept("The teachers' union opposes the plan.")).toHaveLength(1);
    expect(kept("That's been the rule since 2019.")).toHaveLength(1);
  });
});
