/**
 * The workbench's "assigned to me first": the claims assigned to the viewer, then every other
 * claim, each group keeping the order it came in (reading order). Pure; the workbench calls it on
 * the claims it already loaded.
 */
export function assignedFirst<T extends { assigneeId: string | null }>(claims: readonly T[], viewerId: string): T[] {
  const mine = claims.filter((c) => c.assigneeId === viewerId);
  const others = claims.filter((c) => c.assigneeId !== viewerId);
  return [...mine, ...others];
}
