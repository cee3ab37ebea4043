/**
 * The numbers checker on phrasings written apart from both evaluation sets (issue 17): the ways
 * reporters word each kind of figure — "twice as many as Westfield, which recorded 410", "the
 * infection rate stands at 5%", "over four years, or $40 million a year", "its roughly 1,400
 * teachers", "for five consecutive years, from 2017 to 2020", a table's change column — each with a
 * consistent look-alike beside it, so a check widened to one wording is held to the arithmetic.
 */
import { describe, expect, it } from "vitest";
import { checkArticleText, type FindingType } from "@/lib/numbers";

interface Phrasing {
  text: string;
  /** The one finding expected, or null: the passage is consistent. */
  finding: FindingType | null;
}

const PHRASINGS: Phrasing[] = [
  { text: "The county spent $6 million on roads this year, twice as much as the $4 million it spent last year.", finding: "multiple" },
  { text: "The county spent $8 million on roads this year, twice as much as the $4 million it spent last year.", finding: null },
  { text: "Northside now has 310 volunteers, twice as many volunteers as the 120 it had in 2021.", finding: "multiple" },
  { text: "The new plant produces 900 tons a day, three times the output of the old one, which produced 450 tons.", finding: "multiple" },
  { text: "Three-quarters of residents said they support the plan, and 30% said they oppose it.", finding: "share" },
  { text: "Three-quarters of residents said they support the plan, and 20% said they oppose it.", finding: null },
  { text: "About two-thirds of the budget goes to salaries and 45% to buildings.", finding: "share" },
  { text: "The hospital treated 240 patients for infections out of 6,000 admitted, and the infection rate stands at 5%.", finding: "rate" },
  { text: "The hospital treated 240 patients for infections out of 6,000 admitted, and the infection rate stands at 4%.", finding: null },
  { text: "Of the 1,200 students tested, 180 failed; the failure rate was 25%.", finding: "rate" },
  { text: "Of the 1,200 students tested, 180 failed; the failure rate was 15%.", finding: null },
  { text: "The state will spend $120 million over four years, or $40 million a year.", finding: "rate" },
  { text: "The state will spend $120 million over four years, or $30 million a year.", finding: null },
  { text: "The $60 million grant, spread over five years, amounts to $15 million per year.", finding: "rate" },
  { text: "The district employs 1,150 teachers. A district spokesperson said its roughly 1,400 teachers would get raises.", finding: "restated" },
  { text: "The tunnel will cost $1.4 billion, officials said. Opponents of the $1.9 billion tunnel rallied on Friday.", finding: "restated" },
  { text: "Millbrook's library system lends 84,000 books a year. Volunteers shelve all 94,000 books the system lends each year.", finding: "restated" },
  { text: "Over the past six years, from 2019 to 2023, wages rose 12%.", finding: "period" },
  { text: "The study followed 400 patients for seven years, from 2015 to 2020.", finding: "period" },
  { text: "Rents climbed 30% between 2018 and 2022, a rise over five years.", finding: "period" },
  { text: "In the decade between 2010 and 2015, the town grew by 4,000 people.", finding: "period" },
  { text: "Ridership rose for four straight years, from 2016 to 2022.", finding: "period" },
  { text: "Ridership rose for six straight years, from 2016 to 2022.", finding: null },
  { text: "The city received 1,240 complaints last year: 610 about noise, 420 about parking and 310 about trash.", finding: "sum" },
  { text: "The city received 1,340 complaints last year: 610 about noise, 420 about parking and 310 about trash.", finding: null },
  { text: "Police made 450 arrests in May. Of those, 210 were for theft, 150 for assault and 120 for drug offences.", finding: "sum" },
  { text: "The number of permits rose to 1,450 this year, from 1,200 last year, an increase of 30%.", finding: "change" },
  { text: "Sales went up by 12% from $50,000 to $60,000.", finding: "change" },
  { text: "Attendance was 4,000 in 2022 and 5,000 in 2023, a jump of 40%.", finding: "change" },
  { text: "Attendance was 4,000 in 2022 and 5,000 in 2023, a jump of 25%.", finding: null },
  { text: "The state will spend $120 million over four years, or $40 million a year.", finding: "rate" },
  { text: "The state will spend $120 million over four years, or $30 million a year.", finding: null },
  { text: "The $60 million grant, spread over five years, amounts to $15 million per year.", finding: "rate" },
  { text: "The $60 million grant, spread over five years, amounts to $12 million per year.", finding: null },
  { text: "The five-year contract is worth $2.5 million, about $800,000 annually.", finding: "rate" },
  { text: "The five-year contract is worth $2.5 million, about $500,000 annually.", finding: null },
  { text: "The $40 million plan runs over four years and adds $2 million a year for upkeep.", finding: null },
  { text: "The utility will invest $36 million over the next three years, averaging $1.5 million a month.", finding: "rate" },
  { text: "The utility will invest $36 million over the next three years, averaging $1 million a month.", finding: null },
  { text: "Inspectors found that 240 of the 6,000 patients admitted caught an infection, and the infection rate stands at 5%.", finding: "rate" },
  { text: "Inspectors found that 240 of the 6,000 patients admitted caught an infection, and the infection rate stands at 4%.", finding: null },
  { text: "Of the 1,200 students tested, 180 failed; the failure rate was 25%.", finding: "rate" },
  { text: "Of the 1,200 students tested, 180 failed; the failure rate was 15%.", finding: null },
  { text: "Of the 1,200 students tested, 180 failed; the statewide failure rate was 25%.", finding: null },
  { text: "Only 45 out of 300 applicants were approved. The approval rate of 20% is the lowest in the region.", finding: "rate" },
  { text: "Only 45 out of 300 applicants were approved. The approval rate of 15% is the lowest in the region.", finding: null },
  { text: "The unemployment rate was 3.9 percent in April, and 12,000 jobs were added in a labour force of 240,000.", finding: null },
  { text: "Of the 64 bridges, 41 are rated poor. The national rate of poor bridges is 7%.", finding: null },
  { text: "The unemployment rate was 3.9 percent, and 510 of the 860 claims were refused.", finding: null },
  { text: "Some 510 of the 860 claims were refused, a refusal rate of 48%.", finding: "rate" },
  { text: "Some 510 of the 860 claims were refused, a refusal rate of 59%.", finding: null },
  { text: "| School | 2022 | 2023 | Change |\n|---|---:|---:|---:|\n| Adams | 400 | 440 | +10% |\n| Baker | 500 | 450 | −20% |\n", finding: "change" },
  { text: "| School | 2022 | 2023 | Change |\n|---|---:|---:|---:|\n| Adams | 400 | 440 | +10% |\n| Baker | 500 | 450 | −10% |\n", finding: null },
  { text: "| Ward | Votes | Share | Seats |\n|---|---:|---:|---:|\n| North | 4,000 | 40% | 3 |\n| South | 6,000 | 60% | 5 |\n", finding: null },
  { text: "Bus ridership dropped by a tenth between 2019 and 2023, from 52,000 to 41,000 a day.", finding: "change" },
  { text: "Bus ridership dropped by a fifth between 2019 and 2023, from 52,000 to 41,500 a day.", finding: null },
  { text: "The mayor, now in a fifth term, cut the budget from $90 million to $84 million.", finding: null },
  { text: "The 2,400 ballots counted on Tuesday break down as 1,300 for the levy, 900 against and 300 spoiled.", finding: "sum" },
  { text: "The 2,400 ballots counted on Tuesday break down as 1,300 for the levy, 900 against and 200 spoiled.", finding: null },
  { text: "Of the 900 new hires, 420 are teachers and 310 are aides; the remaining 240 are support staff.", finding: "sum" },
  { text: "Of the 900 new hires, 420 are teachers and 310 are aides; the remaining 170 are support staff.", finding: null },
  { text: "The library lent 5,200 e-books last year, half as many as in 2021, when 7,900 were borrowed.", finding: "multiple" },
  { text: "The library lent 4,000 e-books last year, half as many as in 2021, when 7,900 were borrowed.", finding: null },
  { text: "Eastport recorded 960 burglaries, three times as many as Westfield, which recorded 410.", finding: "multiple" },
  { text: "Eastport recorded 1,230 burglaries, three times as many as Westfield, which recorded 410.", finding: null },
  { text: "The new arena will seat 18,500 fans. Season-ticket holders will get first pick of the arena's 15,800 seats.", finding: "restated" },
  { text: "The new arena will seat 18,500 fans. Season-ticket holders will get first pick of the arena's 18,500 seats.", finding: null },
  { text: "The county employs 2,100 people. The state's 61,000 workers will get a raise.", finding: null },
  { text: "The city will plant 12,000 trees this spring. \"Getting 14,000 trees in the ground is the start,\" the mayor said.", finding: "restated" },
  { text: "The city will plant 12,000 trees this spring. \"Getting another 14,000 trees in the ground next year is the goal,\" the mayor said.", finding: null },
  { text: "The plant will cut 340 jobs by March. The union said the 430 layoffs were avoidable.", finding: "restated" },
  { text: "The plant will cut 340 jobs by March. The union said another 430 layoffs would follow in 2027.", finding: null },
  { text: "The four-year study, running 2015–2021, tracked 1,200 patients.", finding: "period" },
  { text: "The six-year study, running 2015–2021, tracked 1,200 patients.", finding: null },
  { text: "Permits fell for five consecutive years, from 2017 to 2020, before rising in 2021.", finding: "period" },
  { text: "Permits fell for three consecutive years, from 2017 to 2020, before rising in 2021.", finding: null },
  { text: "A 24-month renovation that ran from March 2021 to June 2022 closed the pool.", finding: "period" },
  { text: "A 15-month renovation that ran from March 2021 to June 2022 closed the pool.", finding: null },
  { text: "Unemployment fell to 3.1% in 2023, a three-decade low; the last year it was lower was 2000.", finding: "period" },
  { text: "Two-thirds of the council's budget goes to policing and 40% to parks, the report said.", finding: "share" },
  { text: "Two-thirds of the council's budget goes to policing and 30% to parks, the report said.", finding: null },
  { text: "The measure needed a two-thirds majority but won 58% of the vote and 45% of the seats.", finding: null },
  { text: "Property taxes making up 52% of revenue, sales taxes 31% and fees 22% left little room, the auditor said.", finding: "share" },
  { text: "Officials counted 4,600 overdoses among the county's 920,000 residents, or 8 for every 1,000 people.", finding: "rate" },
  { text: "Officials counted 4,600 overdoses among the county's 920,000 residents, or 5 for every 1,000 people.", finding: null },
  { text: "The school raised $84,000 from its 1,400 pupils' families, which works out to $75 a pupil.", finding: "rate" },
  { text: "The school raised $84,000 from its 1,400 pupils' families, which works out to $60 a pupil.", finding: null },
  { text: "Testers found mould at 30 of the 250 homes they visited, or 15%.", finding: "rate" },
  { text: "Testers found mould at 30 of the 250 homes they visited, or 12%.", finding: null },
  { text: "The $62,400 limit for a family of four is 200% of the federal poverty level, which is $31,200 for a family of four.", finding: null },
  { text: "Workers began laying the 6.5-mile Ridge Pipeline in May. Regulators said the 8.5-mile pipeline would open next spring.", finding: "restated" },
  { text: "Six in 10 voters backed the plan and 45% opposed it, the poll found.", finding: "share" },
  { text: "Six in 10 voters backed the plan and 35% opposed it, the poll found.", finding: null },
  { text: "The shelter served 5,000 meals this year compared with 4,000 last year, a 40% increase.", finding: "change" },
  { text: "The shelter served 5,000 meals this year compared with 4,000 last year, a 25% increase.", finding: null },
  { text: "The plant opened in 2010 and closed 12 years later, in 2019.", finding: "period" },
  { text: "The plant opened in 2010 and closed nine years later, in 2019.", finding: null },
  { text: "After eight years of growth from 2015 to 2021, sales fell.", finding: "period" },
  { text: "After six years of growth from 2015 to 2021, sales fell.", finding: null },
  { text: "The decade-long cleanup, from 2012 to 2017, cost $40 million.", finding: "period" },
  { text: "The decade-long cleanup, from 2012 to 2022, cost $40 million.", finding: null },
  { text: "Five years later, the company moved to Ohio; it had opened in 1990 and closed in 2001.", finding: null },
  { text: "The fund's $9 million will go to three schools, with $4 million for Adams, $3 million for Baker and $3 million for Clark.", finding: "sum" },
  { text: "The fund's $10 million will go to three schools, with $4 million for Adams, $3 million for Baker and $3 million for Clark.", finding: null },
  { text: "The department has 1,200 officers, with 700 on patrol and 600 in investigations.", finding: "sum" },
  { text: "The department has 1,400 officers, with 700 on patrol and 600 in investigations.", finding: null },
  { text: "Of the 520 complaints, 300 were about noise, 120 about parking and 80 about trash.", finding: "sum" },
  { text: "Of the 520 complaints, 300 were about noise, 140 about parking and 80 about trash.", finding: null },
  { text: "Of the 64 bridges selected, 41 are rated poor and 9 have weight limits.", finding: null },
  { text: "In the survey, 58% of residents backed the plan. Another 47% opposed it.", finding: "share" },
  { text: "In the survey, 58% of residents backed the plan. Another 37% opposed it.", finding: null },
  { text: "Most riders, 64%, said the buses were late. The remaining 41% said they were on time.", finding: "share" },
  { text: "Turnout rose to 64% this year. Another 41% of voters mailed ballots.", finding: null },
  { text: "Prices rose 60% in 2021. Another 50% came in 2022.", finding: null },
  { text: "Turnout was 64%. Another 41% of voters mailed their ballots.", finding: null },
  { text: "The new bridge will cost $340 million, the state said. At $430 million, the bridge would be the costliest in the region.", finding: "restated" },
  { text: "The new bridge will cost $340 million, the state said. At $340 million, the bridge would be the costliest in the region.", finding: null },
  { text: "The bridge will cost $340 million. Critics say the bridge's $430 million price tag is too high.", finding: "restated" },
  { text: "The bridge will cost $340 million. Critics say the bridge's $340 million price tag is too high.", finding: null },
  { text: "The city's budget is $340 million. The bridge's $430 million price tag dwarfs it.", finding: null },
  { text: "The state has 61,000 teachers. At 3,000, the county's teaching staff is small.", finding: null },
  { text: "In 2020, deputies encountered 1,261 people wanted for drug offences. \"We also encountered 2,075 people wanted for assault,\" the sheriff said.", finding: null },
  { text: "Budgets differ by scale, $1.8 billion vs $1.8 million, and verbs differ too: doubled vs tripled.", finding: null },
];

describe("phrasings and their consistent look-alikes", () => {
  for (const p of PHRASINGS) {
    it(`${p.finding ? `flags ${p.finding}` : "passes"}: ${p.text.replace(/\s+/g, " ").slice(0, 90)}`, () => {
      const { findings } = checkArticleText(p.text);
      expect(findings.map((f) => `${f.type}: ${f.message}`)).toHaveLength(p.finding ? 1 : 0);
      if (p.finding) expect(findings[0]!.type).toBe(p.finding);
    });
  }
  it("covers every kind of finding, flagged and passed", () => {
    for (const type of ["change", "multiple", "sum", "share", "rate", "restated", "period"]) expect(PHRASINGS.filter((p) => p.finding === type).length).toBeGreaterThanOrEqual(3);
    expect(PHRASINGS.filter((p) => p.finding === null).length).toBeGreaterThanOrEqual(30);
  });
});
