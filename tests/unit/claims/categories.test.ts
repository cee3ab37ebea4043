/**
 * The categories added so that kinds and precision hold on unseen articles (issue 12), each on
 * sentences invented for these tests, none taken from a labelled article: eligibility, obligation,
 * deadlines and benefit mechanics as rules; causal claims, conclusions and what critics say as policy
 * assertions; and, as non-claims, rights notices, credits, mission lines, a list's lead-in,
 * recommendations, how to take part, remarks on what was just said, and a host named in a header.
 */
import { describe, expect, it } from "vitest";
import { extractClaims } from "@/lib/claims";
import { typeClaim } from "@/lib/claims/type";

const kindOf = (t: string) => typeClaim(t).kind;
const kept = (input: string, format: "markdown" | "text" = "markdown") => extractClaims(input, { format }).claims.map((c) => c.text);

describe("rules without a deontic verb are still program rules", () => {
  it("reads eligibility and obligation stated bare", () => {
    expect(kindOf("Leased vehicles and farm trucks are not eligible.")).toBe("program_rule");
    expect(kindOf("Seniors who already hold a pass do not need to reapply.")).toBe("program_rule");
    expect(kindOf("To keep the grant, a clinic has to file a quarterly report with the agency.")).toBe("program_rule");
    expect(kindOf("Applications had to be postmarked by June 30.")).toBe("program_rule");
  });
  it("reads deadlines, validity and how a benefit is paid", () => {
    expect(kindOf("Tenants have until noon on the third business day to respond.")).toBe("program_rule");
    expect(kindOf("Old parking permits will be honored through the end of March.")).toBe("program_rule");
    expect(kindOf("The fund pays growers for crop losses when a frost is declared.")).toBe("program_rule");
    expect(kindOf("Stipends will be paid based on hours logged rather than days enrolled.")).toBe("program_rule");
    expect(kindOf("Seats in the pilot are first come, first served.")).toBe("program_rule");
    expect(kindOf("The renter's credit lowers the tax owed on a first home.")).toBe("program_rule");
  });
  it("reads a rule's scope and schedule", () => {
    expect(kindOf("The ordinance covers anyone who drives for a delivery app inside city limits.")).toBe("program_rule");
    expect(kindOf("The statute does not cap how much a landlord may charge for parking.")).toBe("program_rule");
    expect(kindOf("If the reserve runs dry, the board may pause new awards until July.")).toBe("program_rule");
  });
  it("keeps a reported event and a measured figure as they were", () => {
    expect(kindOf("The county opened two new clinics in March.")).not.toBe("program_rule");
    expect(kindOf("Enrollment rose 12% last year.")).toBe("statistic");
  });
});

describe("causes, conclusions and critics' views are policy assertions", () => {
  it("reads causal and concluding sentences as policy assertions", () => {
    expect(kindOf("The decline is largely the result of a decade of school closures.")).toBe("policy_assertion");
    expect(kindOf("The audit concludes that the new scanners worked as intended.")).toBe("policy_assertion");
    expect(kindOf("Critics say the toll will push trucks onto side streets.")).toBe("policy_assertion");
  });
  it("reads an argued forecast as a policy assertion even with a figure beside it", () => {
    expect(kindOf("Economists argue the cap would raise rents, which rose 6% last year.")).toBe("policy_assertion");
  });
});

describe("non-claims by category", () => {
  it("drops rights notices, contributor credits and an organisation's mission line", () => {
    const text = [
      "The clinic served 4,100 patients in 2024.",
      "This article may not be reprinted or redistributed without written permission.",
      "Staff writer Lena Ortiz contributed reporting.",
      "The Office of Rural Health works to bring care closer to every family.",
    ].join("\n\n");
    expect(kept(text)).toEqual(["The clinic served 4,100 patients in 2024."]);
  });
  it("drops a list's lead-in without a figure and items a lead-in recommends, but not a rule's lead-in", () => {
    const text = "The inspection found:\n\n- 14 of 20 pumps leaked.\n\nThe inspector recommends that the utility:\n\n1. Replace every pump older than 1990.\n\nThe exemptions are:\n\n- Hospitals may keep their own pumps.";
    const claims = kept(text);
    expect(claims.some((c) => c.startsWith("14 of 20 pumps leaked"))).toBe(true);
    expect(claims).not.toContain("The inspection found:");
    expect(claims.some((c) => c.startsWith("Replace every pump"))).toBe(false);
    expect(claims).toContain("The exemptions are:");
  });
  it("drops telling readers how to take part and a bare remark on what was just said", () => {
    const text = "The plan adds 40 buses.\n\nResidents can also send comments by email.\n\nThat is a fair question, and it deserves an answer.";
    expect(kept(text)).toEqual(["The plan adds 40 buses."]);
  });
  it("reads the host from a transcript's header and drops a guest welcomed or thanked by name", () => {
    const text = [
      "Host: Rita Moreno",
      "MORENO: Welcome to the show. My guest today has spent a year studying bus routes. Ana Li of the Transit Center, welcome.",
      "LI: Thanks. Ridership fell 18 percent after the cuts.",
      "MORENO: Tell us what happened next.",
      "LI: The city restored 12 routes in May.",
      "MORENO: Ana Li of the Transit Center, thank you.",
    ].join("\n\n");
    expect(kept(text, "text")).toEqual(["Ridership fell 18 percent after the cuts.", "The city restored 12 routes in May."]);
  });
});
