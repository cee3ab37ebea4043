/**
 * The article's structure as the sum and share checks need it: the items of one list with the
 * sentence that leads into it, and the rows of one table with its header. The claim pipeline gives
 * each list item its lead-in, each table row its header, as `context`.
 */
import type { ReadClaim } from "./figures";

/** One list: its items in order, the lead-in sentence, and the claims just before the list. */
export interface ListGroup {
  leadIn: string;
  /** The lead-in's own claim and the one before it (where a total is often given), when found. */
  before: ReadClaim[];
  items: ReadClaim[];
}

/** One table: its header and body rows, each row's cells split. */
export interface TableGroup {
  header: string[];
  rows: { read: ReadClaim; cells: string[] }[];
}

const isRow = (c: ReadClaim) => c.claim.context !== null && c.claim.text.includes(" | ");
const cellsOf = (s: string) => s.split(" | ").map((c) => c.trim());

const cache = new WeakMap<readonly ReadClaim[], { lists: ListGroup[]; tables: TableGroup[] }>();

/** Runs of consecutive claims sharing one lead-in (lists) or one header (tables); read once per article. */
export function groupsOf(claims: readonly ReadClaim[]): { lists: ListGroup[]; tables: TableGroup[] } {
  const known = cache.get(claims);
  if (known) return known;
  const groups = collect(claims);
  cache.set(claims, groups);
  return groups;
}

function collect(claims: readonly ReadClaim[]): { lists: ListGroup[]; tables: TableGroup[] } {
  const lists: ListGroup[] = [];
  const tables: TableGroup[] = [];
  for (let i = 0; i < claims.length; ) {
    const first = claims[i]!;
    const context = first.claim.context;
    if (context === null) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < claims.length && claims[j]!.claim.context === context && isRow(claims[j]!) === isRow(first)) j++;
    const run = claims.slice(i, j);
    if (isRow(first)) tables.push({ header: cellsOf(context), rows: run.map((read) => ({ read, cells: cellsOf(read.claim.text) })) });
    else lists.push({ leadIn: context, before: claimsBefore(claims, i, context), items: run });
    i = j;
  }
  return { lists, tables };
}

/** The lead-in's claim and the claim before it, looked for among the few claims before the list. */
function claimsBefore(claims: readonly ReadClaim[], start: number, leadIn: string): ReadClaim[] {
  const norm = (s: string) => s.replace(/\s+/g, " ").trim();
  const lead = norm(leadIn);
  for (let k = start - 1; k >= Math.max(0, start - 3); k--) {
    const text = norm(claims[k]!.claim.text);
    if (text.length > 0 && (lead.includes(text) || text.includes(lead))) return claims.slice(Math.max(0, k - 1), k + 1).reverse();
  }
  // A bare lead-in ("The charges included:") is no claim: the sentence just before the list leads into it.
  const previous = claims[start - 1];
  return previous && previous.claim.context === null ? [previous] : [];
}
