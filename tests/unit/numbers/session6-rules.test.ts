/**
 * The numbers checker's rules added in session 6 (issue 17), each on wordings written here, apart
 * from the evaluation passages, and each beside a consistent look-alike: a rule widened to a wording
 * is still held to the arithmetic, and each case fails without its rule.
 */
import { describe, expect, it } from "vitest";
import { checkArticleText, type FindingType } from "@/lib/numbers";
import { readFigures } from "@/lib/numbers/figures";

interface Case {
  rule: string;
  text: string;
  /** The one finding expected, or null: the passage is consistent. */
  finding: FindingType | null;
}

const CASES: Case[] = [
  // Extraction: labels, ages and alternatives are not parts; number words with "per cent" are one share.
  { rule: "labels", text: "The two northern precincts together reported 2,280 votes: 1,040 in Precinct 3 and 1,240 in Precinct 4.", finding: null },
  { rule: "labels", text: "The two northern precincts together reported 2,380 votes: 1,040 in Precinct 3 and 1,240 in Precinct 4.", finding: "sum" },
  { rule: "ages", text: "Of the 900 campers this summer, 44% were aged 8 or 9, 35% were 10 or 11 and 21% were 12 or older.", finding: null },
  { rule: "ages", text: "Of the 900 campers this summer, 44% were aged 8 or 9, 39% were 10 or 11 and 21% were 12 or older.", finding: "share" },
  { rule: "number words", text: "Sixty-one per cent of the 800 parents surveyed backed the later start, while 32% opposed it.", finding: null },
  { rule: "number words", text: "Sixty-one per cent of the 800 parents surveyed backed the later start, while 46% opposed it.", finding: "share" },
  // Sums: "together" in the head; a list with an "Other" item; "the other N" after a semicolon.
  { rule: "together", text: "The three branch libraries, which together lent 9,900 books: 4,100 at Elm Street, 3,300 at Oak Park and 2,000 at the harbour.", finding: "sum" },
  { rule: "together", text: "The three branch libraries, which together lent 9,400 books: 4,100 at Elm Street, 3,300 at Oak Park and 2,000 at the harbour.", finding: null },
  { rule: "other item", text: "Inspectors issued 260 citations last month. The violations included:\n\n- Blocked exits: 110\n- Missing extinguishers: 70\n- Other: 60\n", finding: "sum" },
  { rule: "other item", text: "Inspectors issued 240 citations last month. The violations included:\n\n- Blocked exits: 110\n- Missing extinguishers: 70\n- Other: 60\n", finding: null },
  { rule: "the other", text: "All 60 bridges in the county were rated this spring; 41 were sound and the other 14 need repairs.", finding: "sum" },
  { rule: "the other", text: "All 60 bridges in the county were rated this spring; 41 were sound and the other 19 need repairs.", finding: null },
  // Shares: "each person's main" is one answer each; backing and opposing after "while".
  { rule: "each main", text: "Asked about each household's main source of heat, 52% of households named gas, 31% electricity and 24% wood.", finding: "share" },
  { rule: "each main", text: "Asked about each household's main source of heat, 52% of households named gas, 31% electricity and 17% wood.", finding: null },
  { rule: "while", text: "In the poll, 64% of members supported the strike, while 41% opposed it.", finding: "share" },
  { rule: "while", text: "In the poll, 64% of members supported the strike, while 31% opposed it.", finding: null },
  // Changes: "a 5% raise"; "about 30% more"; "That was up from …" against the sentence before.
  { rule: "raise", text: "The mayor's pay will go from $90,000 to $95,400, a 5% raise, under the new budget.", finding: "change" },
  { rule: "raise", text: "The mayor's pay will go from $90,000 to $95,400, a 6% raise, under the new budget.", finding: null },
  { rule: "percent more", text: "Cyclists counted on the bridge went from 3,000 to 3,450 a day, about 30% more, the city said.", finding: "change" },
  { rule: "percent more", text: "Cyclists counted on the bridge went from 3,000 to 3,450 a day, about 15% more, the city said.", finding: null },
  { rule: "back from", text: "The ferry carried 900,000 riders this year. That was up from 800,000 riders in 2023, a 20% increase.", finding: "change" },
  { rule: "back from", text: "The ferry carried 900,000 riders this year. That was up from 800,000 riders in 2023, a 12.5% increase.", finding: null },
  // Rates: a rate named as such ("a burglary rate of 4 per 1,000"); a stated rate's part "out of a labour force of".
  { rule: "named rate", text: "The town logged 30 burglaries among its 12,000 homes, a burglary rate of 4 per 1,000 homes.", finding: "rate" },
  { rule: "named rate", text: "The town logged 30 burglaries among its 12,000 homes, a burglary rate of 2.5 per 1,000 homes.", finding: null },
  { rule: "out of a", text: "With 3,600 people unemployed out of a labour force of 45,000, the region's jobless rate is 6%, the ministry said.", finding: "rate" },
  { rule: "out of a", text: "With 3,600 people unemployed out of a labour force of 45,000, the region's jobless rate is 8%, the ministry said.", finding: null },
  // A share "of the total" whose part the sentence does not give is not worked out from the sentence before.
  { rule: "unstated part", text: "The city's 2,400 fires last year, in 90,000 homes, amount to 27 per 1,000 homes. Kitchen fires made up about a quarter of the total.", finding: null },
  // Speeds: distance over time, hours and minutes read together.
  { rule: "speed", text: "The ferry crosses the 30 kilometres of open water in 45 minutes, averaging 50 km/h.", finding: "rate" },
  { rule: "speed", text: "The ferry crosses the 30 kilometres of open water in 45 minutes, averaging 40 km/h.", finding: null },
  { rule: "speed", text: "The bus covers the 150 miles in 2 hours 30 minutes, an average speed of 60 mph.", finding: null },
  // Periods: weeks and days against day dates, hours against clock times, quarters and bare months, "N years since".
  { rule: "weeks", text: "The three-week trial, which ran from May 2 to May 9, tested the new fare gates.", finding: "period" },
  { rule: "weeks", text: "The three-week trial, which ran from May 2 to May 23, tested the new fare gates.", finding: null },
  { rule: "days", text: "The five-day festival ran from Aug. 12 to Aug. 14 and drew 20,000 visitors.", finding: "period" },
  { rule: "days", text: "The five-day festival ran from Aug. 12 to Aug. 16 and drew 20,000 visitors.", finding: null },
  { rule: "hours", text: "The 12-hour shutdown, from 10 p.m. Friday to 4 a.m. Saturday, closed both lanes.", finding: "period" },
  { rule: "hours", text: "The six-hour shutdown, from 10 p.m. Friday to 4 a.m. Saturday, closed both lanes.", finding: null },
  { rule: "hours, no weekdays", text: "The eight-hour shift runs from 7 p.m. to 7 a.m. at the plant.", finding: "period" },
  { rule: "hours, no weekdays", text: "The six-hour curfew, from midnight to 6 a.m., applies to minors.", finding: null },
  { rule: "hours, no weekdays", text: "The four-hour curfew, from midnight to 6 a.m., applies to minors.", finding: "period" },
  { rule: "first quarter", text: "In the first quarter, from January to June, sales rose 4%.", finding: "period" },
  { rule: "first quarter", text: "In the first quarter, from January to March, sales rose 4%.", finding: null },
  { rule: "quarter", text: "In the quarter from April to September, the airport handled 2.3 million passengers.", finding: "period" },
  { rule: "quarter", text: "In the quarter from April to June, the airport handled 2.3 million passengers.", finding: null },
  { rule: "bare months", text: "During the four-month closure from February to October, the pool lost $90,000.", finding: "period" },
  { rule: "bare months", text: "During the eight-month closure from February to October, the pool lost $90,000.", finding: null },
  { rule: "years since", text: "Rents have doubled in the nine years since 2016, the housing board said in its 2022 review.", finding: "period" },
  { rule: "years since", text: "Rents have doubled in the six years since 2016, the housing board said in its 2022 review.", finding: null },
  // Restated: "Of the N people …" with a place after its clause; number words with their full noun; an owner's compound.
  { rule: "of the, place after", text: "Inspectors tested 3,400 wells across the county last year. Of the 4,300 wells tested, 6% in Dunmore had high nitrate levels.", finding: "restated" },
  { rule: "of the, place after", text: "Inspectors tested 3,400 wells across the county last year. Of the 3,400 wells tested, 6% in Dunmore had high nitrate levels.", finding: null },
  { rule: "of the, planned", text: "The poll of 2,000 tenants ran in May. Of the 1,200 tenants polled, 40% planned to move within a year.", finding: "restated" },
  { rule: "number words", text: "The city will build four new fire stations by 2030, the chief said. Council members said the six new fire stations would cost $80 million.", finding: "restated" },
  { rule: "number words", text: "The city will build four new fire stations by 2030, the chief said. Council members said the four new fire stations would cost $80 million.", finding: null },
  { rule: "owner compound", text: "Mayor Ortiz was re-elected by 2,310 votes on Tuesday. Her rival said Ortiz's 3,210-vote margin reflected low turnout.", finding: "restated" },
  { rule: "owner compound", text: "Mayor Ortiz was re-elected by 2,310 votes on Tuesday. Her rival said Ortiz's 2,310-vote margin reflected low turnout.", finding: null },
  // A hedged average speed ("an average of just over 20 km/h").
  { rule: "speed hedge", text: "She finished the 21.1-kilometre course in 1 hour 30 minutes, an average of just over 16 km/h.", finding: "rate" },
  { rule: "speed hedge", text: "She finished the 21.1-kilometre course in 1 hour 15 minutes, an average of just over 16 km/h.", finding: null },
  // "the past decade, since 2019" against the article's latest date a few sentences up.
  { rule: "past since", text: "The census released in June 2024 counted 8,100 residents. Their median age was 41, the census found. The town has grown in each year of the past decade, since 2020, the mayor said.", finding: "period" },
  { rule: "past since", text: "The census released in June 2024 counted 8,100 residents. Their median age was 41, the census found. The town has grown in each year of the past decade, since 2014, the mayor said.", finding: null },
  // A change restated: "would raise fares by 4.5%" (verb, object, "by"), then "the proposed 5.4% increase".
  { rule: "restated change", text: "The transit board would raise bus fares by 4.5% next year, the chair said. Riders plan to protest the proposed 5.4% increase at Monday's meeting.", finding: "restated" },
  { rule: "restated change", text: "The transit board would raise bus fares by 4.5% next year, the chair said. Riders plan to protest the proposed 4.5% increase at Monday's meeting.", finding: null },
  { rule: "restated change", text: "The transit board would raise bus fares by 4.5% next year, the chair said. Riders also oppose the 3% increase in parking fees.", finding: null },
  { rule: "verb object by", text: "The council voted to raise parking fees from $2.00 to $2.50 an hour, raising the hourly rate by 20%.", finding: "change" },
  { rule: "verb object by", text: "The council voted to raise parking fees from $2.00 to $2.50 an hour, raising the hourly rate by 25%.", finding: null },
];

describe("session 6 rules", () => {
  for (const c of CASES) {
    it(`${c.rule}: ${c.finding ?? "consistent"} — ${c.text.slice(0, 70)}`, () => {
      const types = checkArticleText(c.text).findings.map((f) => f.type);
      expect(types).toEqual(c.finding ? [c.finding] : []);
    });
  }

  it("reads 'Seventy-three per cent' as one figure, 73%", () => {
    const [f] = readFigures("Seventy-three per cent of voters agreed.");
    expect(f).toMatchObject({ value: 73, unit: "percent" });
  });

  it("reads no amount in 'Ward 5', 'aged 16 or 17', '13 or younger'", () => {
    expect(readFigures("Turnout in Ward 5 was low; 38% were aged 16 or 17 and 25% were 13 or younger.").map((f) => f.raw)).toEqual(["38%", "25%"]);
  });
});
