/**
 * Transcripts: text with speaker turns ("NAME: words" at the start of a paragraph or line), as in
 * debates, interviews, hearings and press conferences.
 *
 * The speaker is who makes a claim, not part of it: the prefix is cut from the claim's text and
 * carried as `speaker`. Stage directions ("(APPLAUSE)", "[CROSSTALK]") are the transcriber's words,
 * never a claim, and are cut the same way.
 *
 * A single "Note: …" or "Source: …" line is not a transcript, so a text is read as one only when
 * turns recur: at least {@link MIN_TURNS} turn openings, by at least two speakers, one of whom speaks
 * more than once.
 */

/** Turn openings needed before a text is read as a transcript. */
export const MIN_TURNS = 3;

// A speaker label: a name in capitals ("TODD", "SEN. WARREN", "Q"), or one to four capitalised words
// ("Rachel Maddow", "Dr. Amina Yusuf"), optionally with a parenthetical ("SANDERS (D-VT)"), then a
// colon and the words spoken. Lower-case words ("Key findings:") never make a speaker.
const TURN =
  /^[ \t]*((?:[A-Z][A-Z'’.-]*(?:[ ][A-Z][A-Z'’.-]*){0,4})|(?:[A-Z][a-z'’.-]*\.?(?:[ ](?:[A-Z][A-Za-z'’.-]*|de|van|von|da|del|bin|al))*))(?:[ ]\([^()\n]{1,30}\))?:[ \t]+(?=\S)/;

/** Labels that open a line in ordinary articles, not a speaker's turn. */
const NOT_A_SPEAKER = new Set(
  [
    "note", "notes", "source", "sources", "update", "updated", "correction", "clarification", "editor's note", "editor’s note",
    "photo", "photos", "credit", "image", "video", "related", "read more", "see also", "contact", "media contact",
    "tags", "summary", "background", "example", "warning", "disclaimer", "date", "time", "location", "where", "when",
    "phone", "email", "e-mail", "fax", "web", "website", "address", "tel", "subject", "re", "to", "from", "cc",
    "step", "tip", "important", "caution", "answer", "question", "definition", "bottom line", "why it matters",
    "what's next", "the bottom line", "by the numbers", "pros", "cons", "yes", "no", "total",
  ].map((s) => s.toLowerCase()),
);

// "(APPLAUSE)", "[LAUGHTER]", "(CROSSTALK)", "[inaudible]", "(BEGIN VIDEO CLIP)": one bracket of a
// transcriber's note: one of the usual words, or several words in capitals. A lone acronym in brackets
// ("(NATO)", "(ICE)") is the speaker's, not the transcriber's.
const DIRECTION_WORDS = ["applause", "applauding", "laughter", "laughs", "laughing", "crosstalk", "inaudible", "unintelligible", "cheers", "cheering", "booing", "boos", "silence", "pause", "music", "off mic", "off-mic"];
const STAGE_DIRECTION = new RegExp(
  `[([](?:${DIRECTION_WORDS.flatMap((w) => [w, w.toUpperCase(), w[0]!.toUpperCase() + w.slice(1)]).join("|")}|[A-Z]{2,}(?: [A-Z]{2,}){1,5})[)\\]]`,
  "g",
);

/** One speaker's turn inside a block of text: the words spoken are `[start, end)`. */
export interface Turn {
  speaker: string | null;
  start: number;
  end: number;
}

/** The speaker label at the start of `line`, and where the spoken words start, or null. */
export function speakerLabel(line: string): { speaker: string; length: number } | null {
  const m = TURN.exec(line);
  if (!m) return null;
  const speaker = m[1]!.replace(/[ \t]+/g, " ").trim();
  if (NOT_A_SPEAKER.has(speaker.toLowerCase().replace(/\.$/, ""))) return null;
  // A sentence that happens to open "The rule: …" or "In 2019: …" is not a turn.
  if (/^(?:The|A|An|This|That|These|Those|In|On|At|For|By|And|But|Or|So|It|We|I|He|She|They|Our|My)$/.test(speaker)) return null;
  // Words spoken are written in sentence case; "CANDIDATE FORUM: STATE SENATE DISTRICT 14" is a title.
  if (!/\p{Ll}/u.test(line.slice(m[0].length))) return null;
  return { speaker, length: m[0].length };
}

/**
 * Whether `input` reads as a transcript: turns recur, by two or more speakers, one of them more than
 * once. Looks at line starts only, so it costs one pass over the text.
 */
export function isTranscript(input: string): boolean {
  const counts = new Map<string, number>();
  let turns = 0;
  let start = 0;
  while (start < input.length) {
    let end = input.indexOf("\n", start);
    if (end === -1) end = input.length;
    // Markdown emphasis around a label ("**TODD:**") is syntax, not words.
    const line = input.slice(start, Math.min(end, start + 160)).replace(/^[ \t>]*(?:[*_]{1,2})?/, "").replace(/^([^:]{1,60}?)(?:[*_]{1,2}):/, "$1:");
    const label = speakerLabel(line);
    if (label) {
      turns++;
      counts.set(label.speaker, (counts.get(label.speaker) ?? 0) + 1);
    }
    start = end + 1;
  }
  return turns >= MIN_TURNS && counts.size >= 2 && Math.max(...counts.values()) >= 2;
}

/**
 * Cuts a block's words into speaker turns: each line that opens with a speaker label starts a new
 * turn, and the label is left out of it. Words before the first label belong to `carried`, the
 * speaker of the previous block (a turn can run over several paragraphs).
 */
export function speakerTurns(value: string, carried: string | null): Turn[] {
  const turns: Turn[] = [];
  let current: Turn = { speaker: carried, start: 0, end: value.length };
  let lineStart = 0;
  while (lineStart <= value.length) {
    let lineEnd = value.indexOf("\n", lineStart);
    if (lineEnd === -1) lineEnd = value.length;
    const label = speakerLabel(value.slice(lineStart, Math.min(lineEnd, lineStart + 160)));
    if (label) {
      current.end = lineStart;
      turns.push(current);
      current = { speaker: label.speaker, start: lineStart + label.length, end: value.length };
    }
    lineStart = lineEnd + 1;
  }
  turns.push(current);
  return turns.filter((t) => /\S/.test(value.slice(t.start, t.end)));
}

/**
 * The ranges of `value[a, b)` that are not stage directions, so "(APPLAUSE)" never joins a claim and
 * a sentence that is only a direction yields nothing.
 */
export function withoutStageDirections(value: string, a: number, b: number): Array<[number, number]> {
  const text = value.slice(a, b);
  if (!/[([]/.test(text)) return [[a, b]];
  const out: Array<[number, number]> = [];
  let from = 0;
  STAGE_DIRECTION.lastIndex = 0;
  for (let m = STAGE_DIRECTION.exec(text); m; m = STAGE_DIRECTION.exec(text)) {
    out.push([a + from, a + m.index]);
    from = m.index + m[0].length;
  }
  out.push([a + from, b]);
  return out.filter(([x, y]) => /[\p{L}\p{N}]/u.test(value.slice(x, y)));
}
