/**
 * A generated article for timing the claim pipeline: headings, paragraphs of every claim kind, quotes,
 * opinion, a list and a table, repeated to any size. Shared by `npm run bench:claims` and
 * `npm run eval:claims` (the in-process 2,000-word figure).
 */
const PARAGRAPHS = [
  "The city council voted 6-3 on Tuesday to approve a $412.6 million budget for the 2025-26 fiscal year, ending a month of negotiations.",
  "According to the Department of Labor, the unemployment rate was 3.9 percent in April, compared with a national rate of 4.2 percent.",
  "Agencies are permitted to detain people for up to 48 hours until federal agents arrive. Employers must respond within 10 business days.",
  "Between 2017 and 2021, the number of participating departments increased from 36 to 149, yielding significant progress in public safety.",
  '"We spent $11 million on it last year and we budgeted six," Vasquez said. Dr. Smith, who joined the U.S. agency in Jan. 2019, disagreed.',
  "Scaling back the program would jeopardize communities across the state. Critics say it has made neighborhoods less safe, not safer.",
  "I have walked these trails for forty years. What are we getting in return? Subscribe to our newsletter for more.",
];
const LIST = "Officials reported the following arrests:\n\n- 1,261 for dangerous drugs;\n- 920 for assault;\n- 37 for homicide.\n";
const TABLE = "| Service | 2019 | 2024 | Recovery |\n| --- | ---: | ---: | ---: |\n| Blue Line | 48,200 | 35,900 | 74% |\n| Local bus | 96,400 | 86,100 | 89% |\n";

/** A realistic article of about `bytes` characters: headings, paragraphs, lists and tables. */
export function article(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const block =
      i % 10 === 0 ? `## Section ${i / 10 + 1}: budget figures\n` : i % 10 === 4 ? LIST : i % 10 === 7 ? TABLE : PARAGRAPHS[i % PARAGRAPHS.length]!;
    parts.push(block);
    size += block.length + 1;
  }
  return parts.join("\n");
}

/** The generated article cut at its first line end past `words` words. */
export function articleOfWords(words: number): string {
  const blocks = article(words * 10).split("\n");
  let count = 0;
  const kept: string[] = [];
  for (const block of blocks) {
    kept.push(block);
    count += block.split(/\s+/).filter(Boolean).length;
    if (count >= words) break;
  }
  return kept.join("\n");
}
