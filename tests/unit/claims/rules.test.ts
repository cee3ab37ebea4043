/**
 * The general rules added after a blind check on articles the extractor had never seen: sentence ends
 * after abbreviations, what makes a statistic, program-rule cues, headlines, datelines, short claims,
 * attributed quotations and page boilerplate. Each case is invented, not taken from any one article.
 */
import { describe, expect, it } from "vitest";
import { extractClaims, extractQuantities, splitSentences, type SourceFormat } from "@/lib/claims";
import { typeClaim } from "@/lib/claims/type";

const sentences = (t: string) => splitSentences(t).map(([a, b]) => t.slice(a, b));
const kindOf = (t: string, heading = false) => typeClaim(t, null, { heading }).kind;
const claimTexts = (input: string, format: SourceFormat = "markdown") => extractClaims(input, { format }).claims.map((c) => c.text);
const dropped = (input: string, format: SourceFormat = "markdown") => extractClaims(input, { format }).dropped.map((d) => d.text);

describe("sentence ends after abbreviations", () => {
  it("splits after a.m./p.m. before a capitalised word that opens a clause", () => {
    expect(sentences("Crews return Sunday at 7 a.m. Officials said the road stays shut.")).toEqual([
      "Crews return Sunday at 7 a.m.",
      "Officials said the road stays shut.",
    ]);
    expect(sentences("Filing closes at 5 p.m. Forms must be signed.")).toEqual(["Filing closes at 5 p.m.", "Forms must be signed."]);
    expect(sentences('He said "at 9 a.m." Then he left.')).toEqual(['He said "at 9 a.m."', "Then he left."]);
  });

  it("keeps a weekday, month or time zone after a clock time in the sentence", () => {
    expect(sentences("Offices open at 8 a.m. Monday through Friday.")).toHaveLength(1);
    expect(sentences("Polls close at 8 p.m. ET on Tuesday.")).toHaveLength(1);
    expect(sentences("The line opens at 9 a.m. March 3 and closes later.")).toHaveLength(1);
    expect(sentences("At 9 a.m. the doors open.")).toHaveLength(1);
  });

  it("splits after a name-like abbreviation only before a word that cannot continue the name", () => {
    expect(sentences("Exports fell in the U.S. The drop was small.")).toEqual(["Exports fell in the U.S.", "The drop was small."]);
    expect(sentences("Acme Inc. It makes bolts.")).toEqual(["Acme Inc.", "It makes bolts."]);
    expect(sentences("Officers worked with U.S. Immigration Customs Enforcement (ICE) last year.")).toHaveLength(1);
    expect(sentences("Shares of Acme Inc. Chief Executive Jo Park sold rose.")).toHaveLength(1);
  });
});

describe("what makes a statistic", () => {
  it("does not count ages, times, weekdays or dates", () => {
    expect(extractQuantities("Jo Reyes, 64, said the clinic closed Monday at 7 a.m.")).toEqual([]);
    expect(extractQuantities("A 58-year-old driver, aged 58, was hurt.")).toEqual([]);
    expect(kindOf("Jo Reyes, 64, said the clinic closed on Monday.")).toBe("factual");
  });

  it("does not take a headline's small number word, a known set, a compound or a time span for a measurement", () => {
    expect(kindOf("Workers at Three Plants Walk Off the Job", true)).toBe("factual");
    expect(kindOf("The two sides met on Friday, the mediator said.")).toBe("factual");
    expect(kindOf("The firm signed a five-day contract with the agency.")).toBe("factual");
    expect(kindOf("Two dry summers left the hills covered in brush.")).toBe("factual");
  });

  it("still counts small numbers that measure something", () => {
    expect(kindOf("The state has confirmed six cases since January.")).toBe("statistic");
    expect(kindOf("One in five pupils was absent.")).toBe("statistic");
  });

  it("reads a trend, a record or a comparison of magnitudes without figures as a statistic", () => {
    expect(kindOf("Home sales also declined.")).toBe("statistic");
    expect(kindOf("The flood was the largest in the region since 1998, the agency said.")).toBe("statistic");
    expect(kindOf("Losses this year were lower than in the worst recent years.")).toBe("statistic");
  });

  it("prefers policy_assertion when the figure only names a hypothetical policy", () => {
    expect(kindOf("A $20 Toll Would Drive Commuters Off the Bridge", true)).toBe("policy_assertion");
    expect(kindOf("The bill would raise the fee to $40, which means small shops would pay the most.")).toBe("policy_assertion");
    // …but a figure that is the predicted or estimated amount is the measurement.
    expect(kindOf("A $20 toll would equal roughly 9% of a daily wage.")).toBe("statistic");
    expect(kindOf("Doubling it would cost about $90 million a year, according to budget staff.")).toBe("statistic");
  });

  it("reads a forecast with a generic subject as a policy assertion, an announcement with a date as fact", () => {
    expect(kindOf("Small farms will feel this first.")).toBe("policy_assertion");
    expect(kindOf("Some will simply sell.")).toBe("policy_assertion");
    expect(kindOf("The board will hold its vote on June 4.")).toBe("factual");
  });
});

describe("program-rule cues", () => {
  it("reads how a benefit works as a rule", () => {
    expect(kindOf("A grant pays part of your tuition directly to the college.")).toBe("program_rule");
    expect(kindOf("The subsidy covers the difference, up to the regional limit.")).toBe("program_rule");
    expect(kindOf("The fare cap is the maximum amount riders will be charged in a week.")).toBe("program_rule");
    expect(kindOf("If you move before the lease ends, you repay the deposit.")).toBe("program_rule");
    expect(kindOf("You will have 30 days to file an appeal.")).toBe("program_rule");
    expect(kindOf("The county recommends testing wells yearly, and state law requires it for rentals.")).toBe("program_rule");
  });
});

describe("headlines, datelines and boilerplate", () => {
  it("keeps an HTML <h1> headline that reports a change", () => {
    const html = "<article><h1>Report: Flood Claims More Than Doubled in 2023</h1><p>The agency said so on Monday, officials confirmed.</p></article>";
    expect(claimTexts(html, "html")).toContain("Report: Flood Claims More Than Doubled in 2023");
    expect(dropped("<h2>Costs, 2020–2024</h2><p>Costs rose 4% in 2024.</p>", "html")).toContain("Costs, 2020–2024");
  });

  it("leaves a dateline with a state and an agency out of the first claim", () => {
    const md = "SPRINGFIELD, Ill. (AP) — About 400 workers walked off the job Tuesday.\n";
    const [claim] = extractClaims(md).claims;
    expect(claim?.text).toBe("About 400 workers walked off the job Tuesday.");
    expect(md.slice(claim!.sourceStart, claim!.sourceEnd)).toBe(claim!.text);
  });

  it("drops a document describing itself and standard notices", () => {
    const txt =
      "This guide answers common questions about the Transit Pass Program.\n\n" +
      "The agency does not discriminate on the basis of race, color or disability.\n\n" +
      "This notice is available in large print and other languages upon request.\n\n" +
      "Passes cost $30 a month.\n";
    expect(claimTexts(txt, "text")).toEqual(["Passes cost $30 a month."]);
  });
});

describe("short claims and quotations", () => {
  it("keeps short sentences that report, change or forecast, drops those that do not", () => {
    const md = "The board has rejected the offer.\n\nEnrolment also increased.\n\nSome will simply leave.\n\nThere is.\n\nMaybe it will.\n\nApply today.\n";
    expect(claimTexts(md)).toEqual(["The board has rejected the offer.", "Enrolment also increased.", "Some will simply leave."]);
  });

  it("keeps a quotation attributed to a speaker, not a retort or a first-person or normative view", () => {
    const md = [
      '"The data on class size and outcomes is fairly clear," Ruiz said.',
      '"Higher fees would push families out of the program," spokesperson Ann Lee said in a statement.',
      'The council called the plan "reckless."',
      '"Count on it," he said.',
      '"We made that choice for a reason," Ortiz said.',
      '"No child should go hungry at school," said Mayor Diaz.',
    ].join("\n\n");
    const kept = claimTexts(md);
    expect(kept).toEqual([
      '"The data on class size and outcomes is fairly clear," Ruiz said.',
      '"Higher fees would push families out of the program," spokesperson Ann Lee said in a statement.',
      'The council called the plan "reckless."',
    ]);
    expect(extractClaims(md).claims.every((c) => c.kind === "factual" || c.kind === "policy_assertion")).toBe(true);
  });
});

describe("second blind check: headline verbs, a rule's scope, more speech verbs, links to full texts", () => {
  it("keeps a headline whose assertion is a present-tense news verb", () => {
    expect(claimTexts("# Water Board Approves Limit on Lawn Irrigation\n\nText follows here.\n")).toContain("Water Board Approves Limit on Lawn Irrigation");
    expect(dropped("# Budget Hearings and Public Comment\n\nText follows here.\n")).toContain("Budget Hearings and Public Comment");
  });

  it("types a rule's scope and eligibility conditions as program rules", () => {
    expect(kindOf("The ordinance does not apply to homes built before 1950.")).toBe("program_rule");
    expect(kindOf("Imported power counts only if it is delivered to the state grid.")).toBe("program_rule");
    expect(kindOf("Solar, wind and small hydropower all qualify.")).toBe("program_rule");
  });

  it("keeps a quotation attributed with responded/replied as a claim", () => {
    const text = '"Cutting the night buses would strand shift workers across the county," Ortiz responded.\n';
    expect(claimTexts(text)).toHaveLength(1);
  });

  it("drops a pointer to a document's full text", () => {
    expect(dropped("The full text of the order is available at www.example.gov/order.\n")).toHaveLength(1);
  });
});
