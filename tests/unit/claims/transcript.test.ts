/**
 * Transcripts: speaker turns are read as who made a claim, not as part of it; stage directions are
 * never claims; ordinary articles with a "Note:" line are not transcripts.
 */
import { describe, expect, it } from "vitest";
import { extractClaims } from "@/lib/claims";
import { isTranscript, speakerLabel, speakerTurns, withoutStageDirections } from "@/lib/claims/transcript";

const DEBATE = [
  "MODERATOR: Good evening and welcome to the debate.",
  "",
  "SEN. ALVAREZ: I cut the state deficit by $1.2 billion in my first term. (APPLAUSE) Unemployment fell from 7.1% to 4.3% while I was governor.",
  "",
  "That is the record.",
  "",
  "MODERATOR: Governor Reyes, your response?",
  "",
  "Reyes: The deficit fell because federal aid doubled between 2020 and 2022.",
].join("\n");

describe("transcripts", () => {
  it("tells a transcript from an article with labelled lines", () => {
    expect(isTranscript(DEBATE)).toBe(true);
    expect(isTranscript("Note: figures are rounded.\n\nSource: Census Bureau.\n\nUpdate: corrected a date.")).toBe(false);
    expect(isTranscript("Key findings: rents rose.\nThe rule: tenants pay 30%.\nIn 2019: more.")).toBe(false);
    // One speaker only is a quotation, not a transcript.
    expect(isTranscript("SMITH: one.\nSMITH: two.\nSMITH: three.")).toBe(false);
  });

  it("reads speaker labels in capitals, in title case and with a parenthetical", () => {
    expect(speakerLabel("SANDERS (D-VT): We will.")?.speaker).toBe("SANDERS");
    expect(speakerLabel("Dr. Amina Yusuf: Yes.")?.speaker).toBe("Dr. Amina Yusuf");
    expect(speakerLabel("Q: What happened?")?.speaker).toBe("Q");
    expect(speakerLabel("The rule: it applies.")).toBeNull();
    expect(speakerLabel("Source: the agency.")).toBeNull();
    expect(speakerLabel("CANDIDATE FORUM: STATE SENATE DISTRICT 14")).toBeNull();
  });

  it("cuts a block into turns and carries a speaker across a line without a label", () => {
    const value = "TODD: Hello there.\nMADDOW: Thanks.\nIt rose 4%.";
    expect(speakerTurns(value, null).map((t) => [t.speaker, value.slice(t.start, t.end).trim()])).toEqual([
      ["TODD", "Hello there."],
      ["MADDOW", "Thanks.\nIt rose 4%."],
    ]);
    expect(speakerTurns("It rose 4%.", "TODD")[0]?.speaker).toBe("TODD");
  });

  it("leaves stage directions out, but keeps an acronym in brackets", () => {
    const s = "It fell 4%. (APPLAUSE) The agency (ICE) agreed. [inaudible]";
    expect(withoutStageDirections(s, 0, s.length).map(([a, b]) => s.slice(a, b).trim())).toEqual(["It fell 4%.", "The agency (ICE) agreed."]);
  });

  it("stores the speaker on each claim and keeps the label out of its text and span", () => {
    const { claims, dropped } = extractClaims(DEBATE, { format: "text" });
    const reyes = claims.find((c) => c.text.includes("federal aid doubled"));
    expect(reyes).toMatchObject({ speaker: "Reyes", text: "The deficit fell because federal aid doubled between 2020 and 2022." });
    expect(DEBATE.slice(reyes!.sourceStart, reyes!.sourceEnd)).toBe(reyes!.text);
    // Kept or dropped, every unit is the spoken words alone: no label, no stage direction.
    const units = [...claims, ...dropped];
    const deficit = units.find((u) => u.text.includes("$1.2 billion"));
    expect(deficit?.text).toBe("I cut the state deficit by $1.2 billion in my first term.");
    expect(DEBATE.slice(deficit!.sourceStart, deficit!.sourceEnd)).toBe(deficit!.text);
    for (const u of units) expect(u.text).not.toMatch(/APPLAUSE|MODERATOR:|ALVAREZ:|Reyes:/);
  });

  it("gives ordinary articles no speaker", () => {
    const { claims } = extractClaims("Turnout rose 4% in 2022.\n\nNote: figures are rounded.", { format: "markdown" });
    expect(claims.every((c) => c.speaker === null)).toBe(true);
  });
});
