const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/**
 * A date as people write it in a report: "1 December 2026". Takes a Date, an ISO timestamp or a
 * YYYY-MM-DD day (read as that calendar day, whatever the server's time zone); anything else (an
 * imported "last spring") is returned as written, and null stays null. Timestamps are told in UTC,
 * so the same export says the same day on every server.
 */
export function humanDate(value: Date | string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : format(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  const text = value.trim();
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (day) return validDay(Number(day[1]), Number(day[2]), Number(day[3])) ?? text;
  if (/^\d{4}-\d{2}-\d{2}T/.test(text)) {
    const date = new Date(text);
    if (!Number.isNaN(date.getTime())) return humanDate(date);
  }
  return text;
}

function validDay(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? format(year, month, day) : null;
}

function format(year: number, month: number, day: number): string {
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/**
 * A moment as people write it, to the minute: "1 December 2026, 14:05 UTC". For the app's own
 * timestamps (imports, history, tokens, sign-ins), told in UTC like humanDate, so every page and
 * every server says the same; null for a missing or unreadable value.
 */
export function humanDateTime(value: Date | string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  return `${humanDate(date)}, ${date.toISOString().slice(11, 16)} UTC`;
}
