/**
 * Number checks in the desk's workflow (issue 17): the pure checker of lib/numbers run over a
 * revision's stored claims, and a reviewer's explanation of a finding kept in the audit trail.
 *
 *   stored claims ─ statedClaims → checkedClaimOf → checkNumbers (lib/numbers, cached per claims stamp)
 *                 ─ + explain events (audit trail) → NumberCheck[]  → workbench, desk, reports
 *
 * number-checks.ts is the pure part (the reports use it over export rows); get-number-checks.ts and
 * explain-number-check.ts are the server verbs; schemas.ts is the form's and the action's schema.
 */
export * from "./number-checks";
export * from "./schemas";
