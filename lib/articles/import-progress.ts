/** The stages of an import, in order: the pipeline, re-anchoring (a new revision only), the writes. */
export const IMPORT_STAGES = ["extracting", "re-anchoring", "writing"] as const;
export type ImportStage = (typeof IMPORT_STAGES)[number];

/** How far an import is: `done` of `total` units (claims, or 1 for a step that cannot be split). */
export type ImportProgress = { stage: ImportStage; done: number; total: number };

/** Told of each step of an import; for the command line's progress bar, so it must be cheap. */
export type OnImportProgress = (progress: ImportProgress) => void;

/**
 * A counter for one stage: reports `0 of total` now, then each call adds rows done and reports
 * again. A no-op without a listener.
 */
export function progressOf(stage: ImportStage, total: number, onProgress: OnImportProgress | undefined): (rows: number) => void {
  let done = 0;
  onProgress?.({ stage, done, total });
  return (rows) => {
    done = Math.min(total, done + rows);
    onProgress?.({ stage, done, total });
  };
}

/** What a person reads of a progress report: "Writing claims: 400 of 2,000…". */
export function describeProgress({ stage, done, total }: ImportProgress): string {
  const count = `${done.toLocaleString("en")} of ${total.toLocaleString("en")}`;
  if (stage === "extracting") return "Finding claims…";
  if (stage === "re-anchoring") return `Re-anchoring claims: ${count}…`;
  return `Writing claims: ${count}…`;
}
