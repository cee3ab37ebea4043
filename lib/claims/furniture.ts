/**
 * Words about the occasion rather than the world: what a host says to run a debate or a show
 * (greetings, thanks, calling on a speaker, time allowed, the next question), a show's credits and
 * headers, a transcript's notes, a pointer to a web page, an author's bio, a disclaimer and the
 * "only time will tell" kind of sentence that predicts nothing. None of it is a claim a fact-checker
 * would write down, in a transcript or in an article.
 *
 * Each pattern is a shape of English that recurs across shows and pages, never a phrase of one text.
 * Patterns are anchored at the start of the sentence where they can be, so that a claim which merely
 * mentions a question or a guest ("The first question on the ballot asks …") is not caught.
 */

/** A title or a name used to call on someone: "Mr. Halvorsen", "Councilwoman", "Senator Ruiz", "June". */
const TITLE =
  "(?:Mr|Mrs|Ms|Mx|Dr|Prof|Sen|Rep|Gov|Judge|Senator|Representative|Congressman|Congresswoman|Councilwoman|Councilman|Councilor|Council member|Commissioner|Secretary|Mayor|Governor|President|Professor|Chair|Chairman|Chairwoman|Director|Superintendent|Sheriff|Chief|Doctor|Candidate)";
const NAME = "[A-Z][\\w'’.-]*(?:\\s+[A-Z][\\w'’.-]*){0,3}";
const CALLED = `(?:${TITLE}\\.?(?:\\s+${NAME})?|${NAME})`;
/** A guest named with where they come from: "Sam Achterberg of the Gulf Coast Institute". */
const CALLED_FROM = `${CALLED}(?:\\s+(?:of|from|at|with)\\s+(?:the\\s+)?${NAME})?`;

/** Thanks and greetings, with an optional name called: "Thank you, Senator.", "Ray, thanks for …". */
const THANKS = new RegExp(`^(?:(?:and|well|oh|so|okay|ok|yes|no)\\s*,?\\s+)?(?:${CALLED_FROM},\\s+)?(?:thank you|thanks|many thanks|my thanks)\\b`, "i");
/** A guest welcomed by name: "Sam Achterberg, welcome.", "Dr. Menon, welcome to the show." */
const NAMED_WELCOME = new RegExp(`^${CALLED_FROM},\\s+(?:and\\s+)?welcome(?:\\s+(?:back|to (?:the|our) (?:show|program|programme|podcast|studio)))?[.!]?$`);
const GREETING = /^(?:good (?:morning|afternoon|evening|night)|hello|hi there|welcome(?: back)?(?: to| everyone| all)?\b|greetings\b|nice to (?:see|meet|have) you)\b/i;
const GLAD = /^(?:(?:i['’]m|we['’]re|i am|we are)\s+)?(?:happy|glad|delighted|pleased|great)\s+to\s+(?:be here|be with you|join you|have you|talk|do it)\b/i;

/** Calling on a speaker or managing the clock: "Mr. Halvorsen, your response.", "Councilwoman, 30 seconds …". */
const CALLING_ON = new RegExp(
  `^${CALLED},\\s+(?:your (?:response|rebuttal|reply|turn|answer|closing|opening)\\b|(?:[\\w-]+\\s+)?(?:seconds|minutes)(?:\\s+(?:for|to|on)\\b|[.!]?$)|(?:i['’]m|i am) going to (?:stop|cut|interrupt|hold|move)\\b|go ahead\\b|same question\\b|(?:over )?to you\\b)`,
);
// "Senator, you have …", "Dr. Menon, let's …": weaker words after the comma, so only a title calls.
const TITLE_CALLING_ON = new RegExp(`^${TITLE}\\.?(?:\\s+${NAME})?,\\s+(?:you (?:have|get|go|may|can|now have)|(?:you['’]ll|you will) (?:have|get)|please|let['’]s|we['’]ll)\\b`);
const CLOCK =
  /\b(?:will have|gets?|has|have)\s+(?:up to\s+)?[\w-]+\s+(?:seconds|minutes)\s+(?:for|to)\s+(?:(?:an?|their|his|her|your|the)\s+)?(?:rebuttal|respond|response|opening|closing|answer|reply|statement|remarks)|\b[\w-]+\s+(?:seconds|minutes)\s+for\s+(?:a\s+)?(?:rebuttal|response|reply)\b/i;
const AGENDA =
  /^(?:(?:and|so|now|okay|ok|all right|alright)\s*,?\s+)?(?:(?:our|the|my|a|one)\s+)?(?:next|first|second|third|last|final|following|one more)\s+(?:question|topic|subject|segment)\b|\bquestion (?:comes|is) from\b|^(?:(?:and|so|now|okay|ok|all right|alright)\s*,?\s+)?let['’]s (?:move on|turn to|talk about|go to|start with|get to|begin|switch|shift|come back|take a)\b|^(?:that['’]s|that is|this is) (?:our|all (?:the|our)|all the) time\b|^we (?:have|['’]ve got|only have) time for\b|^we['’]ll (?:come back|return|get back|be right back|take a (?:short )?break)\b|\b(?:won|lost) the coin toss\b|^(?:stay with us|after the break|when we come back)\b|\bhold (?:your |the |their )?applause\b|^(?:you|he|she|they)\s+(?:go|goes)\s+first\b/i;
/** Introducing the people on the stage: "My guest is …", "Joining me now …", "Tonight we have the candidates …". */
const INTRODUCTION =
  /^(?:my|our) (?:guests?|panel(?:ists)?)\b(?:\s+(?:today|tonight|this\s+\w+|here|now|in the studio))?\s+(?:has|have|had|is|are|was|were|includes?|joins?|spent|runs?|leads?|studies|knows|wrote|writes)\b|^(?:my|our) (?:guests?|panel(?:ists)?)\b(?:\s+\w+){0,2}\s+(?:is|are|includes?)\b|^joining (?:me|us)\b|^(?:with|here with) (?:me|us)\b|^(?:tonight|today|this (?:morning|evening|afternoon|week)|here)\s*,?\s+(?:we have|we['’]re joined by|i['’]m joined by|i have)\b/i;

/** Headers and notes of a recording or transcript. */
const SHOW_HEADER =
  /\b(?:episode|ep\.)\s*\d+\s*[:|—–-]|^recorded\s+(?:on\s+|live\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|\d)|^(?:unofficial |official |full |partial |edited )?transcript\b|^hosted by\b|\btranscript (?:was |has been |is )?(?:generated|edited|lightly edited|produced|created|automatically|machine)\b|\b(?:edited|condensed) for (?:length|clarity)\b/im;
const NOTE = /^(?:correction|clarification|editor['’]?s note)\b|\ban earlier version of this (?:story|article|report|post|episode)\b|^(?:more|also|elsewhere) (?:from|on|in|at) (?:the |our )?[A-Z][\w ]{0,40}:/i;
const CREDITS = /\b(?:is|are|was) (?:produced|presented|distributed|brought to you|made possible|a production of)\b(?:\s+(?:by|in partnership with|with support from|of))?/i;

/** Where to read more: "… are available at example.gov/x.", "Residents can check … at example.org." */
const URL_END = /(?:https?:\/\/\S+|www\.\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|gov|net|edu|us|io|info|co|uk|ca|au|example)(?:\/\S*)?)\s*[.)]*$/i;
const POINTER = /\b(?:available|check|find|see|visit|learn|read|view|download|found|posted|watch|listen|stream|more information|details)\b/i;

/** An author's or organisation's bio: "She is a senior fellow at …", "X covers housing for the Beacon." */
const ROLE =
  "(?:teacher|fellow|professor|reporter|writer|journalist|editor|columnist|correspondent|volunteer|member|researcher|scholar|lawyer|attorney|student|economist|author|analyst|contributor|freelance\\w*|retired|former|longtime|resident|consultant|historian|scientist|physician|nurse|organizer|advocate|director|founder|co-founder|(?:volunteer|nonprofit|non-profit|independent|nonpartisan|non-partisan|grassroots|community)\\s+(?:group|organi[sz]ation|newsroom|coalition|project|collective))";
const BIO = new RegExp(
  `^(?:(?:He|She|They)|[A-Z][\\w'’.-]+(?:\\s+[A-Z][\\w'’.-]+){0,3})\\s+(?:is|are|was)\\s+(?:a|an)\\s+(?:[\\w-]+\\s+){0,3}?${ROLE}\\b|^(?:(?:He|She|They)|[A-Z][\\w'’.-]+(?:\\s+[A-Z][\\w'’.-]+){0,3})\\s+(?:(?:also|occasionally|regularly|frequently|often)\\s+)?(?:writes|covers|reports on|blogs)\\s+(?:(?:occasionally|regularly|frequently|often)\\s+)?(?:about|on|for|\\w+\\s+(?:and\\s+\\w+\\s+)?(?:for|at))\\b`,
);
/** Wire and broadcast rights notices, and who else contributed: "This material may not be published, broadcast …". */
const RIGHTS =
  /^(?:this|the|all|our)\s+(?:[\w-]+\s+)?(?:material|transcript|article|story|content|contents|report|broadcast|text|recording|work|episode|program|programme)\b[^.;]{0,40}?\bmay not be (?:[\w-]+,?\s+(?:or\s+)?){0,5}?(?:reproduced|published|broadcast|rewritten|redistributed|reprinted|republished|copied|distributed|quoted)\b/i;
const CONTRIBUTED = /\bcontributed(?: reporting| to this (?:report|story|article)| from [A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*| research)?[.]?$/;
/** An organisation saying what it is for, the last lines of a press release: "The Department … works to keep children safe …". */
const MISSION =
  /^(?:the\s+)?[A-Z][\w'’&.-]*(?:\s+(?:of|for|and|on|the|&)?\s*[A-Z][\w'’&.-]*){0,8}\s+(?:works|exists|strives|is (?:committed|dedicated|devoted))\s+to\b|\b(?:our|its|whose) mission is\b/;
const DISCLAIMER = /\bdoes not (?:endorse|support or oppose|take (?:a )?positions?)\b|\b(?:views|opinions) (?:expressed|are (?:the author|their|his|her) own)\b/i;

/** Sentences that predict nothing: "Only time will tell.", "We'll know in a year or two.", "It remains to be seen." */
const WAIT_AND_SEE =
  /\btime will tell\b|\bremains to be seen\b|\bwait and see\b|^(?:(?:but|and|so|honestly|frankly|well)\s*,?\s+)*(?:we|you|i)['’](?:ll|d)\s+(?:(?:just|only|all|probably|soon)\s+)?(?:have to\s+)?(?:know|see|find out)\b(?:\s+(?:more\s+)?(?:soon|in|by|when|after|once)\b[^,;]*)?[.!]?$/i;

/**
 * Why `plain` (a unit's words, outer quotes and markers trimmed) is furniture rather than a claim, or
 * null. `words` is its word count; `measured` is whether the type stage found a statistic or a rule in
 * it, which only the thanks, greeting and bio shapes yield to ("Thank you: we cut wait times by 40%").
 */
export function furnitureReason(plain: string, words: number, measured: boolean): string | null {
  if (words <= 16 && (THANKS.test(plain) || GREETING.test(plain) || GLAD.test(plain) || NAMED_WELCOME.test(plain)) && !measured) return "greeting or thanks";
  if (CALLING_ON.test(plain) || TITLE_CALLING_ON.test(plain) || CLOCK.test(plain) || AGENDA.test(plain)) return "a host running the event (calling on a speaker, time, next question)";
  if (INTRODUCTION.test(plain) && words <= 40) return "a host introducing the guests";
  if (SHOW_HEADER.test(plain) || NOTE.test(plain) || (CREDITS.test(plain) && words <= 16)) return "boilerplate (show header, credits or transcript note)";
  if (URL_END.test(plain) && POINTER.test(plain) && words <= 40) return "pointer to a web page";
  if (BIO.test(plain) && words <= 40 && !measured) return "author or organisation bio";
  if (DISCLAIMER.test(plain) && words <= 25) return "disclaimer";
  if ((RIGHTS.test(plain) && words <= 25) || (CONTRIBUTED.test(plain) && words <= 16)) return "boilerplate (rights notice or contributor credit)";
  if (MISSION.test(plain) && words <= 40 && !measured) return "an organisation's mission (boilerplate)";
  if (WAIT_AND_SEE.test(plain) && words <= 14) return "nothing checkable (only time will tell)";
  return null;
}

const NAME_ALONE = new RegExp(`^${CALLED}[.!]?$`);

/** A sentence that is only a name or title ("Councilwoman.", "Senator Ruiz."): a speaker called on. */
export function isNameAlone(plain: string): boolean {
  return NAME_ALONE.test(plain) && plain.split(/\s+/).length <= 4 && !/\b(?:is|are|was|were|has|have|had|will)\b/.test(plain);
}

/** A speaker label that names the role of running the event: "MODERATOR", "HOST", "Q", "INTERVIEWER (Jo Park)". */
const HOST_LABEL = /^(?:q|question|questioner)$|\b(?:moderator|co-moderator|host|co-host|interviewer|presenter|anchor)\b/i;

/** Whether a transcript's speaker label names a moderator or host. */
export function isHostLabel(speaker: string): boolean {
  return HOST_LABEL.test(speaker.trim());
}

/** A question sentence, with its closing quotes or brackets. */
const QUESTION = /\?["”’')\]]*\s*$/;

/**
 * The speakers of a transcript who run it: those at least two of whose turns, and most of them (three
 * in five or more), ask a question. `sentences` is the transcript's units in order with their speaker;
 * a turn is a run of consecutive sentences by one speaker.
 */
export function hostSpeakers(sentences: { speaker: string | null; text: string }[]): Set<string> {
  const turns = new Map<string, { turns: number; asking: number }>();
  let previous: string | null = null;
  let asked = false;
  const close = () => {
    if (previous === null) return;
    const t = turns.get(previous) ?? { turns: 0, asking: 0 };
    t.turns += 1;
    if (asked) t.asking += 1;
    turns.set(previous, t);
  };
  for (const s of sentences) {
    if (s.speaker !== previous) {
      close();
      previous = s.speaker;
      asked = false;
    }
    if (QUESTION.test(s.text)) asked = true;
  }
  close();
  const hosts = new Set<string>();
  // With one speaker there is nobody to host; everyone asking questions means it is a panel of askers.
  if (turns.size < 2) return hosts;
  for (const [speaker, t] of turns) if (t.asking >= 2 && t.asking * 5 >= t.turns * 3) hosts.add(speaker);
  // A header naming the host ("Host: Dana Whitlock", "Moderator: Jo Park") makes WHITLOCK or PARK one.
  for (const s of sentences) {
    if (s.speaker === null || !isHostLabel(s.speaker) || !isNameAlone(s.text.replace(/[.!]$/, ""))) continue;
    const names = new Set(s.text.toLowerCase().match(/[\p{L}'’-]+/gu) ?? []);
    for (const speaker of turns.keys()) if (speaker !== s.speaker && speaker.toLowerCase().split(/\s+/).some((w) => names.has(w))) hosts.add(speaker);
  }
  return hosts.size === turns.size ? new Set() : hosts;
}
