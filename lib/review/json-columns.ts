import type { z } from "zod";

/**
 * Reading stored columns back into typed values. Claim.reasons and Claim.quantities are JSON arrays
 * in text columns, and the vocabulary (kind, verdict, …) is kept as plain strings so one schema
 * serves SQLite and PostgreSQL. Reading never throws: a malformed value shows as a fallback rather
 * than breaking the workbench for the whole article.
 */

/** A stored string read as one of a zod enum's values, or `fallback` if it is not one. */
export function readEnum<T extends string, F>(schema: z.ZodType<T>, value: string | null, fallback: F): T | F {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : fallback;
}

/** Parses a JSON array column; anything else reads as []. */
export function parseJsonArray(json: string | null | undefined): unknown[] {
  if (!json) return [];
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value : [];
  } catch {
    return [];
  }
}

/** Parses Claim.reasons: the human-readable reasons behind a claim's kind and score. */
export function parseReasons(json: string | null | undefined): string[] {
  return parseJsonArray(json).map(String);
}

/** Parses a nullable JSON object column (AuditEvent.before/after). */
export function parseJsonObject(json: string | null | undefined): Record<string, unknown> | null {
  if (!json) return null;
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
