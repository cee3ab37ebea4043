/**
 * In a transcript, what the moderator or host says runs the event: their lines are dropped unless they
 * state a figure or a rule (or read as check-worthy on their own). A host is named so by the speaker
 * label (MODERATOR, HOST, INTERVIEWER, Q) or is the speaker most of whose turns ask questions.
 * The transcripts here are invented for the test.
 */
import { describe, expect, it } from "vitest";
import { extractClaims } from "@/lib/claims";
import { hostSpeakers, isHostLabel } from "@/lib/claims/furniture";

const debate = [
  "MODERATOR: Tonight the two candidates discuss the harbor expansion.",
  "MODERATOR: You have both talked about this a lot.",
  "HARLAN VOSS: The expansion will add 1,200 jobs by 2028, according to the port authority.",
  "MODERATOR: The port authority puts the dredging alone at $48 million. Is that worth it?",
  "TESSA QUILL: The dredging contract was awarded without a public bid in 2023.",
  "MODERATOR: Ms. Quill, you have said that before. Why does it matter?",
  "TESSA QUILL: Because the same firm donated to the council's campaigns.",
].join("\n\n");

// No label says who hosts; June Alcott's turns are mostly questions.
const interview = [
  "JUNE ALCOTT: You have run the food bank for a long time now. How did it start?",
  "OREN BLAKE: We opened in a church basement in 2009 and served 40 families a week.",
  "JUNE ALCOTT: That sounds like a lot of work. What changed after the plant closed?",
  "OREN BLAKE: Our caseload tripled within a year, and we moved to the old armory building.",
  "JUNE ALCOTT: And the volunteers kept coming. Who pays the rent now?",
  "OREN BLAKE: The county covers the rent under a ten-year lease signed in 2015.",
].join("\n\n");

const texts = (input: string) => extractClaims(input, { format: "text" });

describe("a moderator's or host's lines", () => {
  it("are dropped when they state no figure, by a MODERATOR label", () => {
    const { claims, dropped } = texts(debate);
    const kept = claims.map((c) => c.text);
    expect(dropped.find((d) => d.text.startsWith("You have both talked"))?.why).toBe("a host's line with no figure");
    expect(dropped.find((d) => d.text.startsWith("Ms. Quill, you have said"))).toBeDefined();
    expect(kept.some((t) => t.startsWith("Tonight the two candidates"))).toBe(false);
    // A figure the moderator states is checkable; the candidates' claims stay.
    expect(claims.find((c) => c.text.startsWith("The port authority puts the dredging"))?.speaker).toBe("MODERATOR");
    expect(kept.some((t) => t.startsWith("The expansion will add 1,200 jobs"))).toBe(true);
    expect(kept.some((t) => t.startsWith("The dredging contract was awarded"))).toBe(true);
  });

  it("are dropped for the speaker whose turns are mostly questions", () => {
    const { claims, dropped } = texts(interview);
    expect(dropped.find((d) => d.text.startsWith("That sounds like a lot of work"))?.why).toBe("a host's line with no figure");
    expect(dropped.find((d) => d.text.startsWith("And the volunteers kept coming"))?.why).toBe("a host's line with no figure");
    const guest = claims.filter((c) => c.speaker === "OREN BLAKE").map((c) => c.text);
    expect(guest).toHaveLength(3);
  });

  it("are kept in an article: the same words outside a transcript", () => {
    const { claims } = extractClaims("The moderator said the port authority had awarded the dredging contract without a public bid.", { format: "text" });
    expect(claims).toHaveLength(1);
  });
});

describe("who hosts a transcript", () => {
  it("reads the role from the label", () => {
    for (const label of ["MODERATOR", "HOST", "Q", "INTERVIEWER", "CO-HOST", "MARY PAUL (MODERATOR)"]) expect(isHostLabel(label)).toBe(true);
    for (const label of ["HOSTETLER", "QUINN", "SENATOR RUIZ", "A"]) expect(isHostLabel(label)).toBe(false);
  });

  it("finds the speaker most of whose turns ask, and nobody when everyone asks or one speaks", () => {
    const turn = (speaker: string, text: string) => ({ speaker, text });
    const asked = [turn("A", "Why?"), turn("B", "Because it rose."), turn("A", "Then what?"), turn("B", "It fell."), turn("A", "Sure. And now?"), turn("B", "Who knows?")];
    expect([...hostSpeakers(asked)]).toEqual(["A"]);
    expect(hostSpeakers([turn("A", "Why?"), turn("B", "Why not?"), turn("A", "Really?"), turn("B", "Are you sure?")]).size).toBe(0);
    expect(hostSpeakers([turn("A", "Why?"), turn("A", "How?")]).size).toBe(0);
  });
});
