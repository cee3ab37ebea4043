/**
 * Short passages for the numbers checker's unit tests, one list per check: each is consistent
 * (no finding expected) or holds one inconsistency of the check's type. Written for these tests,
 * apart from the evaluation set (tests/fixtures/number-checks/), so the two measure different things.
 */
import type { FindingType } from "@/lib/numbers";

export interface Case {
  text: string;
  /** The type of the one finding expected, or null for a consistent passage. */
  finding: FindingType | null;
  /** A word of the claim the finding should name first. */
  names?: string;
}

export const CASES: Record<FindingType, Case[]> = {
  change: [
    { text: "The library's circulation rose from 200 to 300, a 25% increase.", finding: "change", names: "25%" },
    { text: "The library's circulation rose from 200 to 300, a 50% increase.", finding: null },
    { text: "Enrolment rose from 8,200 children in 2022 to 9,400 in 2024, an increase of about 15%.", finding: null },
    { text: "Enrolment rose from 8,200 children in 2022 to 9,400 in 2024, an increase of about 25%.", finding: "change" },
    { text: "Drug overdose deaths fell to 1,842 in 2024, down 27 percent from 2,523 in 2023.", finding: null },
    { text: "Drug overdose deaths fell to 1,842 in 2024, down 17 percent from 2,523 in 2023.", finding: "change" },
    { text: "The minimum wage will rise from $15.25 to $16.50 an hour, an 8.2% increase.", finding: null },
    { text: "The fare rose from $2.50 to $2.75, a 12% increase.", finding: "change" },
    { text: "Sales climbed 25% to $500,000 from $400,000 last year.", finding: null },
    { text: "Arrests fell to 310 last year from 365, a decline of 55.", finding: null },
    { text: "Arrests fell to 310 last year from 365, a decline of 45.", finding: "change" },
    { text: "The rate fell to 4.1% in March from 4.4% in February, a decline of 0.3 percentage points.", finding: null },
    { text: "The share meeting the standard climbed from 40% to 48%, an 8 percentage point gain and a 20% improvement.", finding: null },
    { text: "The share meeting the standard climbed from 40% to 48%, an 8% rise.", finding: "change" },
    { text: "The share meeting the standard climbed from 40% to 48%, a rise of 6 percentage points.", finding: "change" },
    { text: "Visits grew from 1,250 to 1,100, a 12% increase.", finding: "change" },
    { text: "Spending fell from $3.2 million to $2.4 million, a 25% cut.", finding: null },
    { text: "The graduation rate climbed 6%, to 88% from 82%.", finding: "change" },
    { text: "The graduation rate climbed 6 points, to 88% from 82%.", finding: null },
    { text: "Complaints rose by a third, from 900 to 1,350.", finding: "change" },
    { text: "Tuition has risen 150% since 2000, from $4,000 to $10,000.", finding: null },
  ],
  multiple: [
    { text: "Measles cases nearly doubled last year, from 42 in 2022 to 80 in 2023.", finding: null },
    { text: "Boardings more than doubled, from 3,100 to 7,200.", finding: null },
    { text: "Applications tripled this year, from 410 to 860.", finding: "multiple" },
    { text: "Participation doubled between 2017 and 2021, from 36 to 149 departments.", finding: "multiple" },
    { text: "Waiting times have halved since the clinic opened, from 18 weeks to 12 weeks.", finding: "multiple" },
    { text: "Waiting times have halved since the clinic opened, from 18 weeks to 9 weeks.", finding: null },
    { text: "Open jobs roughly halved over the year, from 6,400 to 3,300.", finding: null },
    { text: "Openings in health care tripled, to 4,500 from 1,500.", finding: null },
    { text: "The district runs 72 electric buses, a five-fold increase from the 24 it had in 2021.", finding: "multiple" },
    { text: "The district runs 72 electric buses, a threefold increase from the 24 it had in 2021.", finding: null },
    { text: "It distributed 412,000 doses in 2024, more than double the 186,000 doses distributed in 2022.", finding: null },
    { text: "It distributed 300,000 doses in 2024, more than double the 186,000 doses distributed in 2022.", finding: "multiple" },
  ],
  sum: [
    // A figure in the sentence before a lead-in that could not hold the parts is another quantity, not their total.
    { text: "Agencies are permitted to detain people for up to 48 hours. Employers must respond within 10 business days. Officials reported the following arrests:\n\n- 1,261 for dangerous drugs;\n- 920 for assault;\n- 37 for homicide.\n", finding: null },
    { text: "The council approved a $48 million plan.\n\nThe money is spread across four areas:\n\n- Roads: $18 million\n- Parks: $12 million\n- Libraries: $10.5 million\n- Drains: $7.5 million\n", finding: null },
    { text: "Its $12 million gift would be split among four programs:\n\n- Literacy: $4.5 million\n- Tutoring: $3 million\n- Training: $2.5 million\n- Counselling: $3 million\n", finding: "sum", names: "split" },
    { text: "The county's 2,300 arrests included these:\n\n- 1,261 for drugs\n- 920 for assault\n", finding: null },
    { text: "| Campus | 2023 | 2024 |\n|---|---:|---:|\n| North | 1,240 | 1,310 |\n| South | 960 | 1,020 |\n| **Total** | **2,200** | **2,330** |\n", finding: null },
    { text: "| Campus | 2023 | 2024 |\n|---|---:|---:|\n| North | 1,240 | 1,310 |\n| South | 960 | 1,020 |\n| **Total** | **2,200** | **2,430** |\n", finding: "sum", names: "Total" },
    { text: "Of the 2,400 cases closed, 1,560 ended in removal orders, 610 in grants of relief and the remaining 230 in dismissals.", finding: null },
    { text: "Of the 860 claims decided, 510 were refused and 390 were granted.", finding: "sum" },
    { text: "Of the 64 bridges selected, 41 are rated poor and 9 have weight limits.", finding: null },
  ],
  share: [
    { text: "In the referendum, 54% of voters backed the measure and 49% opposed it.", finding: "share" },
    { text: "In the referendum, 54% of voters backed the measure and 46% opposed it.", finding: null },
    { text: "A poll found that 44% support the tax, 31% oppose it and 26% are undecided.", finding: null },
    { text: "Salaries account for 68% of the budget, benefits for 22% and building costs for 17%.", finding: "share" },
    { text: "Employment grew 1.8% in the region, compared with 1.1% in the rest of the state.", finding: null },
    { text: "Payments are 62% of the cost for men and 58% of the cost for women.", finding: null },
    { text: "Families earning up to 200% of the poverty level qualify for a 30% discount.", finding: null },
  ],
  rate: [
    { text: "The city recorded 84 homicides last year among its 700,000 residents, a rate of 12 per 100,000.", finding: null },
    { text: "The city recorded 84 homicides last year among its 700,000 residents, a rate of 21 per 100,000.", finding: "rate" },
    { text: "The state spent $2.8 billion on care for about 70,000 enrollees, or roughly $40,000 per person.", finding: null },
    { text: "The district's $96 million budget for its 12,000 pupils works out to $9,000 per pupil.", finding: "rate" },
    { text: "The labour force stood at 240,000, with 18,000 people out of work, putting the jobless rate at 7.5%.", finding: null },
    { text: "The labour force stood at 240,000, with 18,000 people out of work, putting the jobless rate at 6.5%.", finding: "rate" },
    { text: "Police recorded 1,450 burglaries in 2023, down from 1,610. With a population of roughly 290,000, that works out to 5 burglaries per 1,000 residents.", finding: null },
    { text: "The unemployment rate was 3.9 percent in April, and 12,000 jobs were added in a labour force of 240,000.", finding: null },
  ],
  restated: [
    { text: "The program serves 4,300 families. \"If Congress does not act, the 4,800 families in the program will lose help,\" the director said.", finding: "restated", names: "4,800" },
    { text: "The program serves 4,300 families. \"If Congress does not act, the 4,300 families in the program will lose help,\" the director said.", finding: null },
    { text: "The bridge will cost $340 million. Critics say the $430 million bridge is oversized.", finding: "restated" },
    { text: "The bridge will cost $2.25 billion. Critics say the $2.25bn bridge is oversized.", finding: null },
    { text: "The shelter housed 310 people a night in 2020. It housed 365 people a night in 2021, more than the 310 people of the year before.", finding: null },
  ],
  period: [
    { text: "Over the five years from 2020 to 2025, the subsidy grew by $180 million.", finding: null },
    { text: "Deaths have risen in each of the past ten years, climbing from 980 in 2019 to 2,140 in 2024.", finding: "period" },
    { text: "The rate fell to 3.2% in 2024, the lowest in 15 years; the last time it was that low was 2016.", finding: "period" },
    { text: "The rate fell to 3.2% in 2024, the lowest in eight years; the last time it was that low was 2016.", finding: null },
    { text: "Crews filled 14,200 potholes in the 18 months from January 2023 to March 2024.", finding: "period" },
    { text: "Crews filled 14,200 potholes in the 14 months from January 2023 to March 2024.", finding: null },
    { text: "The number of departments grew in a five-year increase from 2017 to 2021.", finding: "period" },
    { text: "Spending rose in each of the five fiscal years from fiscal 2019 through 2023.", finding: null },
  ],
};

/** Further phrasings, so the checks are not tuned to one way of saying a thing. */
export const MORE_CASES: Case[] = [
  { text: "Membership grew 18% last year to 1,416 from 1,200.", finding: null },
  { text: "The county's population increased by 12,000 to 262,000 from 240,000.", finding: "change" },
  { text: "Prices jumped 30 percent, from $4.00 a gallon to $5.00.", finding: "change" },
  { text: "Turnout slipped to 38% from 41%, a drop of 3 points.", finding: null },
  { text: "Turnout slipped to 38% from 41%, a 3% drop.", finding: "change" },
  { text: "E-scooter trips have quadrupled since 2021, to 48,000 from 16,000.", finding: "multiple" },
  { text: "Riverside has 300 nurses, twice as many as Lincoln's 120.", finding: "multiple" },
  { text: "Riverside has 240 nurses, twice as many as Lincoln's 120.", finding: null },
  { text: "The fine was doubled to $500 from $250.", finding: null },
  { text: "Rents have risen by half, from $1,000 to $1,500.", finding: null },
  { text: "Of the survey's respondents, 62% said they drive to work, 31% take the bus and 12% walk.", finding: "share" },
  { text: "Of the survey's respondents, 57% said they drive to work, 31% take the bus and 12% walk.", finding: null },
  { text: "The county's 41,000 households produced 62,000 tons of trash, or about 1.5 tons per household.", finding: null },
  { text: "The program cost $4.5 million and served 1,500 people, or $3,500 per person.", finding: "rate" },
  { text: "The council approved 240 new housing units on Monday. Construction of the 420 units will begin in May.", finding: "restated" },
  { text: "Over the past decade, from 2012 to 2024, the fund grew by $40 million.", finding: "period" },
  { text: "Over the past decade, from 2014 to 2024, the fund grew by $40 million.", finding: null },
  { text: "The three-year project, which ran from 2018 to 2023, repaved 40 miles of road.", finding: "period" },
];

/** Totals and parts in one sentence, table shares, changes across two sentences, shares of a total. */
export const SENTENCE_CASES: Case[] = [
  { text: "The $5 million grant covers three projects: $2 million for roads, $1.5 million for parks and $2.5 million for a library.", finding: "sum" },
  { text: "The $6 million grant covers three projects: $2 million for roads, $1.5 million for parks and $2.5 million for a library.", finding: null },
  { text: "The state gave $3 million and the county $2 million, for a total of $6 million.", finding: "sum" },
  { text: "The state gave $3 million and the county $2 million, for a total of $5 million.", finding: null },
  { text: "Together, the two districts have 1,450 students: 800 at North and 700 at South.", finding: "sum" },
  { text: "| Party | Share |\n|---|---:|\n| Labour | 45% |\n| Green | 40% |\n| Other | 20% |\n| **Total** | **100%** |\n", finding: "share" },
  { text: "| Party | Share |\n|---|---:|\n| Labour | 45% |\n| Green | 35% |\n| Other | 20% |\n| **Total** | **100%** |\n", finding: null },
  { text: "The county had 1,200 shelter beds in 2019. By 2023 it had 1,500 beds, a 40% increase.", finding: "change" },
  { text: "The county had 1,200 shelter beds in 2019. By 2023 it had 1,500 beds, a 25% increase.", finding: null },
  { text: "The agency's $1.2 billion budget counts on $450 million from fares, or 42% of the total.", finding: "rate" },
  { text: "The agency's $1.2 billion budget counts on $450 million from fares, or 37.5% of the total.", finding: null },
  { text: "Of the 2,400 cases, 1,560 ended in removal orders. Removal orders thus made up 65% of the total.", finding: null },
  { text: "The state spent $2.8 billion on care last year. Nursing homes took $930 million, roughly a third of the total.", finding: null },
  { text: "The state spent $2.8 billion on care last year. Nursing homes took $930 million, or roughly 50% of the total.", finding: "rate" },
];

/** Consistent passages that look like findings and must not be. */
export const TRAPS: Case[] = [
  { text: "Rents rose 5% this year, while the average for a two-bedroom went from $1,200 to $1,300.", finding: null },
  { text: "Over the past five years, ridership has fallen; a 2019 study projected growth by 2030.", finding: null },
  { text: "The council voted 7-2 on Monday to cut the fare from $2.75 to $2.50, about 9% less.", finding: null },
  { text: "The plant's $2.25 billion cost was confirmed on Monday. Critics say the $2.25bn plant is too big.", finding: null },
  { text: "Route 66 carried 4,050 riders a day, and Section 8 vouchers rose 10% to 2,200.", finding: null },
  { text: "The authority plans to add between 200 and 250 shelters by 2026, up from 180.", finding: null },
  { text: "The three big manufacturers cut their list prices by 65 to 70 percent in 2023 and 2024.", finding: null },
  { text: "The county's 14 fire stations answered 21,000 calls, or 1,500 per station.", finding: null },
  { text: "The city's main shelter has 240 beds. The 180 beds at the Eastside shelter are full most nights.", finding: null },
  { text: "The county has 2,000 teachers. Of the 300 teachers who left last year, most cited pay.", finding: null },
  { text: "The $2.6 million contract is split between the city, which pays $1.5 million, and the county, which pays $1.1 million.", finding: null },
  { text: "Over three decades, from 1994 to 2024, the river's flow fell by a fifth.", finding: null },
  { text: "Program A served 4,300 families in 2023. In 2024, the 4,600 families it served got smaller grants.", finding: null },
  { text: "Crime fell 12% last year, and the number of officers rose from 180 to 200.", finding: null },
  { text: "Sales tax revenue reached $41.2 million, up $3.1 million, or 8.1%, from $38.1 million a year earlier.", finding: null },
];

/** Percentages applied to a whole, rates per any unit, and spans of months "took … from". */
export const APPLIED_CASES: Case[] = [
  { text: "About 40% of the 2,000 new jobs, or 800, will go to local hires.", finding: null },
  { text: "About 40% of the 2,000 new jobs, or 900, will go to local hires.", finding: "rate" },
  { text: "The hospital's 240 beds were 91% full, meaning about 218 were occupied.", finding: null },
  { text: "The hospital's 240 beds were 91% full, meaning about 190 were occupied.", finding: "rate" },
  { text: "Of 300 applicants, 120 were accepted, or 40%, and 180 were turned away.", finding: null },
  { text: "Of 300 applicants, 120 were accepted, or 45%, and 180 were turned away.", finding: "rate" },
  { text: "Only 12% of the city's 1.1 million residents, roughly 132,000 people, live near a park.", finding: null },
  { text: "Only 12% of the city's 1.1 million residents, roughly 200,000 people, live near a park.", finding: "rate" },
  { text: "Metro's 1,850 buses logged 96 million miles, about 52,000 miles per bus.", finding: null },
  { text: "Metro's 1,850 buses logged 96 million miles, about 68,000 miles per bus.", finding: "rate" },
  { text: "Of the county's 52 schools, 30 are elementary schools, 12 middle schools and 10 high schools.", finding: null },
  { text: "Of the county's 52 schools, 30 are elementary schools, 12 middle schools and 14 high schools.", finding: "sum" },
  { text: "Construction, which took 30 months from April 2021 to March 2023, cost $14 million.", finding: "period" },
  { text: "Construction, which took 23 months from April 2021 to March 2023, cost $14 million.", finding: null },
  { text: "The hospital hired 120 nurses, or 45% more than last year.", finding: null },
  { text: "The county's jail population fell from 746 to 612, a decline of 134 inmates, or 18%.", finding: null },
  { text: "The county's jail population fell from 746 to 612, a decline of 134 inmates, or 25%.", finding: "change" },
  { text: "Officials counted 2,480 homeless residents, 310 more than last year's 2,170.", finding: null },
  { text: "Officials counted 2,480 homeless residents, 410 more than last year's 2,170.", finding: "change" },
  { text: "The state's 58 counties received $1.16 billion, an average of $20 million each.", finding: null },
  { text: "The state's 58 counties received $1.16 billion, an average of $25 million each.", finding: "rate" },
  { text: "Between 2015 and 2025, a span of eight years, the population doubled to 80,000 from 40,000.", finding: "period" },
  { text: "The company said 120% of its drivers had completed the training.", finding: "share" },
  { text: "The $2.4 million contract is split between the city, which pays $1.5 million, and the county, which pays $1.1 million.", finding: "sum" },
  { text: "Over two decades, from 1995 to 2024, the river's flow fell by a fifth.", finding: "period" },
  { text: "The project is budgeted at $8.5 million. Critics say the $9.2 million project is too costly.", finding: "restated" },
  { text: "In the three years since 2020, enrolment has dropped 10%, to 4,500 in 2024.", finding: "period" },
  { text: "The council will spend the $3 million on three things:\n\n- $1.5 million for sidewalks\n- $1 million for lighting\n- $800,000 for benches\n", finding: "sum" },
  { text: "The council will spend the $3.3 million on three things:\n\n- $1.5 million for sidewalks\n- $1 million for lighting\n- $800,000 for benches\n", finding: null },
];
