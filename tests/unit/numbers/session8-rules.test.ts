/**
 * The numbers checker's rules added in session 8 (issue 17), by class of phrasing where a blind set
 * showed the checker did not generalise (share, restated, period, rate). Every wording here was
 * written for this file, apart from the evaluation passages, and each beside a consistent look-alike.
 */
import { describe, expect, it } from "vitest";
import { checkArticleText, type FindingType } from "@/lib/numbers";

interface Case {
  rule: string;
  text: string;
  /** The one finding expected, or null: the passage is consistent. */
  finding: FindingType | null;
}

const CASES: Case[] = [
  // Periods: both ends counted is always honest; a span wrong both ways is the finding.
  { rule: "both ends", text: "The five-year plan, which runs from 2023 to 2027, sets aside $40 million for parks.", finding: null },
  { rule: "both ends", text: "The five-year plan, which runs from 2024 to 2027, sets aside $40 million for parks.", finding: "period" },
  // A start and an end dated in one sentence name a range.
  { rule: "start and end", text: "The bond, issued in 2010, matures in 2040, a term of 30 years.", finding: null },
  { rule: "start and end", text: "The bond, issued in 2010, matures in 2040, a term of 20 years.", finding: "period" },
  { rule: "start and end", text: "The city's decade of growth began in 2014 and ended in 2024.", finding: null },
  { rule: "start and end", text: "The city's decade of growth began in 2019 and ended in 2024.", finding: "period" },
  { rule: "N years of", text: "Jones joined the firm in 2012. She brings 20 years of experience in tax law, and was promoted in 2019.", finding: null },
  { rule: "spent N months", text: "The council spent six months, from February to August, drafting the ordinance.", finding: null },
  { rule: "spent N months", text: "The council spent six months, from February to November, drafting the ordinance.", finding: "period" },
  // A span pointing back to the sentence before's range.
  { rule: "points back", text: "Smith served as mayor from 2008 until 2020. In her 12 years in office she built four schools.", finding: null },
  { rule: "points back", text: "Smith served as mayor from 2008 until 2020. In her 15 years in office she built four schools.", finding: "period" },
  { rule: "points back", text: "The study followed 500 patients between 2015 and 2023. Over the study's 12 years, half developed diabetes.", finding: "period" },
  { rule: "points back", text: "Harris was mayor from 2010 to 2018. In his last three years, crime fell 20%.", finding: null },
  { rule: "points back", text: "The tunnel was built between 1995 and 2001. Over its 25 years of service, it has carried 80 million cars.", finding: null },
  // A start in one sentence, the end and its span in the next.
  { rule: "start, then end", text: "The mill opened in 1988. It closed in 2021, after three decades in business.", finding: null },
  { rule: "start, then end", text: "The mill opened in 1998. It closed in 2021, after three decades in business.", finding: "period" },
  { rule: "start, then end", text: "The center launched in 2016. It closed in 2024, after eight years.", finding: null },
  { rule: "start, then end", text: "The center launched in 2016. It closed in 2024, after five years.", finding: "period" },
  { rule: "start, then end", text: "The factory opened in 1985. After 10 years of growth it added a second line, and it closed in 2019.", finding: null },
  { rule: "kind of year, past", text: "Over the past five fiscal years, from fiscal 2021 to fiscal 2024, spending grew 14%.", finding: "period" },
  { rule: "kind of year, past", text: "Over the past five fiscal years, from fiscal 2020 to fiscal 2025, spending grew 14%.", finding: null },
  { rule: "runs through", text: "The contract, signed in 2021, runs through 2024, a six-year deal.", finding: "period" },
  { rule: "runs through", text: "The contract, signed in 2021, runs through 2026, a six-year deal.", finding: null },
  { rule: "end, then start", text: "She retired in 2024 after 30 years with the department, which she joined in 2000.", finding: "period" },
  { rule: "end, then start", text: "She retired in 2024 after 24 years with the department, which she joined in 2000.", finding: null },
  { rule: "anniversary", text: "The program, launched in 2016, marked its 10th anniversary in 2024.", finding: "period" },
  { rule: "anniversary", text: "The program, launched in 2016, marked its 8th anniversary in 2024.", finding: null },
  { rule: "span, then dates", text: "Construction took three years. Work began in 2019 and the bridge opened in 2024.", finding: "period" },
  { rule: "span, then dates", text: "The review took two years. The agency began it in 2022 and finished it in 2024.", finding: null },
  // Averages whose inputs are in the sentences before (rate-average.ts).
  { rule: "per noun before", text: "The district spends $180 million a year. It enrolls 12,000 students. Spending per student is about $15,000.", finding: null },
  { rule: "per noun before", text: "The district spends $180 million a year. It enrolls 12,000 students. Spending per student is about $18,000.", finding: "rate" },
  { rule: "each with an average", text: "Ridership hit 2.4 million trips last year on the county's 60 buses. Each bus carried an average of 40,000 trips.", finding: null },
  { rule: "each with an average", text: "Ridership hit 2.4 million trips last year on the county's 60 buses. Each bus carried an average of 50,000 trips.", finding: "rate" },
  { rule: "on average, each", text: "The library lent 360,000 books last year to its 30,000 cardholders. On average, each cardholder borrowed 12 books.", finding: null },
  { rule: "on average, each", text: "The library lent 360,000 books last year to its 30,000 cardholders. On average, each cardholder borrowed 15 books.", finding: "rate" },
  { rule: "the average noun", text: "The airport handled 9 million passengers on 90,000 flights. The average flight carried 100 passengers.", finding: null },
  { rule: "the average noun", text: "The airport handled 9 million passengers on 90,000 flights. The average flight carried 140 passengers.", finding: "rate" },
  { rule: "another unit", text: "The county's 60 buses carried 2.4 million trips last year. Each bus costs an average of $450,000 to buy.", finding: null },
  { rule: "a difference", text: "The program paid out $12 million to 4,000 families in its first year. This year, each family gets an average of $2,500 more.", finding: null },
  { rule: "another year", text: "Farmers harvested 4 million bushels from 80,000 acres in 2024. In 2025, each acre yielded an average of 55 bushels.", finding: null },
  // Shares: fractions in words, a chain of sentences over one whole, a count beside each share,
  // a table's share column without a total row, and an answer with its opposite.
  { rule: "fraction words", text: "Half of the county's farmland grows corn, a third grows soybeans and a quarter is left for pasture.", finding: "share" },
  { rule: "fraction words", text: "Half of the county's farmland grows corn, a third grows soybeans and the rest is left for pasture.", finding: null },
  { rule: "fraction words", text: "Three in ten riders use the early train, four in ten the midday train and half the evening train.", finding: "share" },
  { rule: "fraction words", text: "Three in ten riders use the early train, four in ten the midday train and three in ten the evening train.", finding: null },
  { rule: "not a share", text: "The bakery cut its prices in half. A third of its customers came back.", finding: null },
  { rule: "not a share", text: "The team won half its games in the first half of the season and a third in the second half.", finding: null },
  { rule: "chain", text: "Of the city's budget, 42% goes to police and fire. Parks take 18%. Roads take 25%, and debt service takes 22%.", finding: "share" },
  { rule: "chain", text: "Of the city's budget, 42% goes to police and fire. Parks take 18%. Roads take 25%, and debt service takes 15%.", finding: null },
  { rule: "chain", text: "The survey asked residents how they commute. Forty-four percent drive. Thirty-one percent take transit. Twenty-nine percent walk or bike.", finding: "share" },
  { rule: "chain", text: "The survey asked residents how they commute. Forty-four percent drive. Thirty-one percent take transit. Twenty-five percent walk or bike.", finding: null },
  { rule: "chain", text: "Just over half of the city's water comes from the river, and 35% from wells. The reservoir supplies the remaining 20%.", finding: "share" },
  { rule: "chain", text: "Of the budget, 40% goes to schools. Another 35% funds public safety. The remaining quarter pays for everything else.", finding: null },
  { rule: "chain, one question each", text: "Of the 600 parents surveyed, 72% want later school start times. Sixty-five percent want more recess. Forty percent want year-round school.", finding: null },
  { rule: "one question each", text: "The survey asked residents how they rate city services. Sixty percent rated trash pickup good. Fifty-five percent rated the parks good, and 48% rated road repair good.", finding: null },
  { rule: "chain, opinions", text: "Of the 400 students surveyed, 60% said they feel safe at school. Seventy percent said they trust their teachers.", finding: null },
  { rule: "chain, a level", text: "Among voters, 52% backed the mayor. Turnout was 61%.", finding: null },
  { rule: "count and share", text: "The county's 2,400 commuters get to work in four ways:\n\n- Driving alone: 1,200 (50%)\n- Carpooling: 360 (15%)\n- Transit: 600 (28%)\n- Walking or cycling: 240 (10%)\n", finding: "share" },
  { rule: "count and share", text: "The county's 2,400 commuters get to work in four ways:\n\n- Driving alone: 1,200 (50%)\n- Carpooling: 360 (15%)\n- Transit: 600 (25%)\n- Walking or cycling: 240 (10%)\n", finding: null },
  { rule: "share column", text: "| Mode | Riders | Share |\n|---|---:|---:|\n| Bus | 5,200 | 52% |\n| Rail | 3,100 | 31% |\n| Ferry | 2,200 | 22% |\n", finding: "share" },
  { rule: "share column", text: "| Mode | Riders | Share |\n|---|---:|---:|\n| Bus | 5,200 | 52% |\n| Rail | 3,100 | 31% |\n| Ferry | 1,700 | 17% |\n", finding: null },
  { rule: "share column", text: "| Ward | Voters | Turnout |\n|---|---:|---:|\n| Ward 1 | 5,200 | 52% |\n| Ward 2 | 3,100 | 61% |\n| Ward 3 | 2,200 | 48% |\n", finding: null },
  { rule: "opposite", text: "Two in three of the town's shop owners said they were unhappy with the new parking rules, while 45% said they were happy.", finding: "share" },
  { rule: "opposite", text: "Two in three of the town's shop owners said they were unhappy with the new parking rules, while 30% said they were happy.", finding: null },
  // Restated: a compound's thing, a year's owner, "the X of N", a target year that is not the count's.
  { rule: "compound", text: "The new stadium will seat 42,000 fans. Construction starts in June. The 45,000-seat stadium will host its first game in 2028.", finding: "restated" },
  { rule: "compound", text: "The new stadium will seat 42,000 fans. Construction starts in June. The 42,000-seat stadium will host its first game in 2028.", finding: null },
  { rule: "compound", text: "The arena will seat 18,000 fans. A 2,500-seat theatre will be built next door.", finding: null },
  { rule: "year owner", text: "The harbour expects 48 ferry sailings in 2026, up from 40. Merchants are pleased. The 2026 season's 44 ferry sailings will each carry 300 people.", finding: "restated" },
  { rule: "year owner", text: "The harbour expects 48 ferry sailings in 2026, up from 40 in 2025. Merchants are pleased. The 2025 season's 40 ferry sailings each carried 300 people.", finding: null },
  { rule: "the X of N", text: "The county's unemployment rate was 5.2% in March. Jobs in retail led losses. The March jobless rate of 4.8% was the highest since 2021.", finding: "restated" },
  { rule: "the X of N", text: "The county's unemployment rate was 5.2% in March. Jobs in retail led losses. The state's March jobless rate of 4.8% was the highest since 2021.", finding: null },
  { rule: "the X of N", text: "The county's unemployment rate was 5.2% in March. Prices rose quickly. The inflation rate of 4.8% was the highest since 2021.", finding: null },
  { rule: "the X of N", text: "The plant employs 1,200 workers. The company's workforce of 9,800 spans six states.", finding: null },
  { rule: "a target year", text: "The museum owns some 8,000 paintings. It shows only a fraction. Curators hope to digitise all 9,000 paintings by 2030.", finding: "restated" },
  { rule: "a target year", text: "The museum owns some 8,000 paintings. It shows only a fraction. Curators hope to digitise all 8,000 paintings by 2030.", finding: null },
  { rule: "appositive", text: "The council approved a $4.2 million parks budget on Monday. Residents had asked for more pools. The parks budget, $4.8 million, includes two new playgrounds.", finding: "restated" },
  { rule: "appositive", text: "The parks budget was $4.2 million last year. The library budget, $4.8 million, includes new computers.", finding: null },
  { rule: "with a X of", text: "Kent County's population is 88,000, according to the census. The county has grown since 2010. With a population of 98,000, it is the state's fifth-largest county.", finding: "restated" },
  { rule: "with a X of", text: "Kent County's population is 88,000. With a population of 98,000, neighbouring Ash County is larger.", finding: null },
  { rule: "a measure's compound", text: "Lake Orla is 14 miles long. Fishing is popular there. The 41-mile lake draws 200,000 visitors a year.", finding: "restated" },
  { rule: "a measure's compound", text: "Lake Orla is 14 miles long. Fishing is popular there. The 41-mile trail around it draws 200,000 visitors a year.", finding: null },
  { rule: "words for one thing", text: "The nonprofit has a staff of 45. It runs three clinics. Director Ana Lima praised its 54 employees for their work.", finding: "restated" },
  { rule: "words for one thing", text: "The nonprofit has a staff of 45. Its partner agency's 54 employees work downtown.", finding: null },
  { rule: "words for one thing", text: "The fire destroyed 23 houses on Elm Ridge. Crews contained it by Sunday. Insurers said the 32 homes lost were mostly uninsured.", finding: "restated" },
  { rule: "fleet of", text: "The district operates 140 buses. Drivers are in short supply. Mechanics maintain the district's fleet of 170 buses at one garage.", finding: "restated" },
  { rule: "fleet of", text: "The city bought 60 buses in 2020. Today its fleet of 85 buses is the region's largest.", finding: null },
  { rule: "a plan's figure", text: "The transit agency has 220 buses. About a quarter of them are electric. The agency plans to buy 60 more electric buses by 2030, when half of its fleet of 250 buses would be electric.", finding: null },
  { rule: "number words", text: "Seven schools will close in June. Parents protested at Monday's meeting. The board defended closing the nine schools, citing falling enrollment.", finding: "restated" },
  { rule: "number words", text: "Seven schools will close in June. Parents protested. The board said the district's other nine schools would take the students.", finding: null },
  { rule: "another thing", text: "The plant's expansion will create 350 jobs, the company said. Hiring starts in March. Governor Ito said the 530 positions at the company's other plant pay well.", finding: null },
  { rule: "a compound's owner", text: "The trail runs 26 miles along the river. Volunteers built it over a decade. Cyclists praise the 62-mile trail's gentle grades.", finding: "restated" },
  // Changes over two sentences: a subject that points back, "The 20% drop", a pair in the sentence after.
  { rule: "it, again", text: "The food bank served 4,000 families in 2022. Last year it served 5,000, a jump of 25%.", finding: null },
  { rule: "it, again", text: "The food bank served 4,000 families in 2022. Last year it served 5,000, a jump of 20%.", finding: "change" },
  { rule: "they, again", text: "Fares were $2.50 last year. This year they are $3.00, a 25% increase.", finding: "change" },
  { rule: "they, again", text: "Fares were $2.50 last year. This year they are $3.00, a 20% increase.", finding: null },
  { rule: "it, something else", text: "The county hired 40 nurses in 2023. This year it hired 60 teachers, a 10% rise in its teaching staff.", finding: null },
  { rule: "the N% drop", text: "Membership stood at 800 in January. By June it had fallen to 600. The 20% drop worried organisers.", finding: "change" },
  { rule: "the N% drop", text: "Membership stood at 800 in January. By June it had fallen to 640. The 20% drop worried organisers.", finding: null },
  { rule: "pair after", text: "Burglaries dropped 30% in 2025. Police recorded 420 burglaries, compared with 500 in 2024.", finding: "change" },
  { rule: "pair after", text: "Burglaries dropped 16% in 2025. Police recorded 420 burglaries, compared with 500 in 2024.", finding: null },
  { rule: "pair after", text: "Ridership fell 15% during the strike. There were 30,000 riders a day in May, compared with 34,000 in April.", finding: null },
  // Multiples over two sentences: the base in the sentence before, or the pair in the sentence after.
  { rule: "base before", text: "The town had 40 food trucks in 2020. It now has 100, more than triple the number.", finding: "multiple" },
  { rule: "base before", text: "The town had 40 food trucks in 2020. It now has 100, two and a half times as many.", finding: null },
  { rule: "base before", text: "Pine County has 12 fire stations. Neighbouring Oak County, with 30, has three times as many.", finding: "multiple" },
  { rule: "base before", text: "Pine County has 12 fire stations. Neighbouring Oak County, with 36, has three times as many.", finding: null },
  { rule: "base before", text: "The city had 300 officers in 2015. It now has 320, and crime has doubled.", finding: null },
  { rule: "base before", text: "Pine County has 12 fire stations. Oak County, with 30 ambulances, has twice as many paramedics.", finding: null },
  { rule: "pair after", text: "Cycling trips doubled last year. Counters logged 9,000 trips, compared with 6,000 the year before.", finding: "multiple" },
  { rule: "pair after", text: "Cycling trips doubled last year. Counters logged 9,000 trips, compared with 4,500 the year before.", finding: null },
  { rule: "pair after", text: "Rents doubled in a decade. The city added 4,000 homes, compared with 2,500 in the decade before.", finding: null },
  { rule: "voted for, against", text: "Nearly six in ten members voted to strike, while more than half voted against.", finding: "share" },
  { rule: "voted for, against", text: "Four in ten members voted to strike, while more than half voted against.", finding: null },
  { rule: "a part's source", text: "Most of the county's electricity, 62%, comes from gas. Wind supplies 24% and solar 19%.", finding: "share" },
  { rule: "a part's source", text: "Most of the county's electricity, 62%, comes from gas. Wind supplies 24% and solar 14%.", finding: null },
  { rule: "a part's source", text: "About 62% of the city's water comes from the river. Wind supplies 30% of its electricity, and solar 20%.", finding: null },
  { rule: "shares in words only", text: "Two in five workers commute by car, three in ten by bus and two in five on foot.", finding: "share" },
  { rule: "shares in words only", text: "Two in five workers commute by car, three in ten by bus and three in ten on foot.", finding: null },
  { rule: "shares in words only", text: "The survey found two in three parents, three in four teachers and four in five principals back the plan.", finding: null },
  { rule: "a share of them", text: "The program reached 3,000 of the county's 12,000 seniors, a third of them.", finding: "rate" },
  { rule: "a share of them", text: "The program reached 3,000 of the county's 12,000 seniors, a quarter of them.", finding: null },
  { rule: "then and now", text: "Rents doubled over the decade. When the Lees moved in, they paid $900; today they pay $1,400.", finding: "multiple" },
  { rule: "then and now", text: "Rents doubled over the decade. When the Lees moved in, they paid $900; today they pay $1,800.", finding: null },
  { rule: "then and now", text: "Ticket prices doubled. In 2019 the team drew 30,000 fans a game; now it draws 22,000.", finding: null },
  // Precision, from a probe of longer consistent articles: each share of its own group; an owner's name.
  { rule: "among each group", text: "In a poll of 900 residents, 61% said the city is headed in the right direction. Among renters, 48% agreed; among homeowners, 70% did.", finding: null },
  { rule: "among each group", text: "Among the city's 900 workers, 48% work in public safety, 31% in public works and 27% in administration.", finding: "share" },
  { rule: "each place's", text: "The measure won 58% of the vote statewide. In Harlan County it won 71%; in Dale County, only 39%. Turnout statewide was 47%.", finding: null },
  { rule: "the next sentence's own span", text: "The farm has been in the Ortega family since 1952. Maria Ortega, 64, has run it for 30 years, since 1995. Her son will take over in 2026.", finding: null },
  { rule: "a span in an aside", text: "The research team, led by Dr. Kim for 11 years, published 40 papers between 2019 and 2024.", finding: null },
  { rule: "a span in an aside", text: "The research team published 40 papers in the 11 years between 2019 and 2024.", finding: "period" },
  { rule: "a smaller count over a larger", text: "Ridership on the ferry hit 2.1 million last year. The ferry's 14 boats made 52,000 crossings, or about 40 riders a crossing.", finding: null },
  { rule: "a unit is no thing", text: "Volunteers in the cleanup collected:\n\n- 2,400 pounds of plastic\n- 1,100 pounds of glass\n- 600 pounds of metal\n\nThe 4,100 pounds of trash filled three dumpsters.", finding: null },
  { rule: "another owner", text: "Harbor City's two shelters held 310 people on Monday night. The Eastside shelter, with 180 beds, was full. The Westside shelter's 150 beds held 130 people.", finding: null },
  // Sums: the first part before its whole, parts going on with "Another", votes over ballots cast.
  { rule: "first part first", text: "Twelve of the 20 council seats went to Democrats, six to Republicans and four to independents.", finding: "sum" },
  { rule: "first part first", text: "Ten of the 20 council seats went to Democrats, six to Republicans and four to independents.", finding: null },
  { rule: "first part first", text: "Eight of the 30 schools failed inspection, the report said, while 12 were rated excellent.", finding: null },
  { rule: "include, another", text: "The 48 new hires include 20 nurses. Another 18 are technicians, and the remaining 14 work in administration.", finding: "sum" },
  { rule: "include, another", text: "The 48 new hires include 20 nurses. Another 18 are technicians, and the remaining 10 work in administration.", finding: null },
  { rule: "include, another", text: "The 48 new hires include 20 nurses. Another 18 will be hired next year.", finding: null },
  { rule: "whole in words", text: "Forty teachers applied: twenty-two from the city, twelve from the suburbs and nine from out of state.", finding: "sum" },
  { rule: "whole in words", text: "Forty-three teachers applied: twenty-two from the city, twelve from the suburbs and nine from out of state.", finding: null },
  { rule: "votes", text: "Voters cast 12,000 ballots. Smith won 6,100 votes, Jones 4,200 and Lee 2,100.", finding: "sum" },
  { rule: "votes", text: "Voters cast 12,000 ballots. Smith won 6,100 votes, Jones 4,200 and Lee 1,700.", finding: null },
  { rule: "votes", text: "Voters cast 12,000 ballots on the levy. In the 2022 race, Smith won 7,100 votes and Jones 6,200.", finding: null },
  { rule: "per capita, that is", text: "The county spent $36 million on libraries for its 600,000 residents. Per capita, that is $80.", finding: "rate" },
  { rule: "per capita, that is", text: "The county spent $36 million on libraries for its 600,000 residents. Per capita, that is $60.", finding: null },
  { rule: "the yield of", text: "The 1,500-acre farm produced 270,000 bushels of corn. The yield of 200 bushels an acre was a record.", finding: "rate" },
  { rule: "the yield of", text: "The 1,500-acre farm produced 270,000 bushels of corn. The yield of 180 bushels an acre was a record.", finding: null },
  { rule: "ratio", text: "With 9,000 students and 450 teachers, the district has a student-teacher ratio of 25 to 1.", finding: "rate" },
  { rule: "ratio", text: "With 9,000 students and 450 teachers, the district has a student-teacher ratio of 20 to 1.", finding: null },
  { rule: "ratio", text: "The school enrolls 600 students. Its student-to-counsellor ratio is 300 to 1, with 2 counsellors.", finding: null },
  // Precision: a count "per household" that no figure beside it counts is over figures not given.
  { rule: "per an uncounted noun", text: "Volunteers, who number about 140, packed 46,000 boxes, an average of 20 boxes per household.", finding: null },
  { rule: "per a counted noun", text: "The agency's 240 buses carried 12 million passengers, about 60,000 per bus.", finding: "rate" },
];

describe("session 8 rules", () => {
  for (const c of CASES) {
    it(`${c.rule}: ${c.finding ?? "consistent"} — ${c.text.slice(0, 70)}`, () => {
      const types = checkArticleText(c.text).findings.map((f) => f.type);
      expect(types).toEqual(c.finding ? [c.finding] : []);
    });
  }
});
