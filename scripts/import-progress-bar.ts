/**
 * The progress bar of `npm run import` (cli-progress), on stderr and only when stderr is a
 * terminal: stdout keeps its one line, which scripts and tests parse.
 */
import { Presets, SingleBar } from "cli-progress";
import type { ImportProgress, OnImportProgress } from "@/lib/articles/import-progress";

const LABELS: Record<ImportProgress["stage"], string> = {
  extracting: "finding claims",
  "re-anchoring": "re-anchoring claims",
  writing: "writing claims",
};

/** An onProgress for importArticle drawing one bar per stage, and `stop` to clear it; null off a terminal. */
export function importProgressBar(stream: NodeJS.WriteStream = process.stderr): { onProgress: OnImportProgress; stop: () => void } | null {
  if (!stream.isTTY) return null;
  const bar = new SingleBar(
    { stream, format: "{stage} [{bar}] {value}/{total}", hideCursor: true, clearOnComplete: true, barsize: 30, fps: 10 },
    Presets.shades_classic,
  );
  let started = false;
  return {
    onProgress: ({ stage, done, total }) => {
      const payload = { stage: LABELS[stage].padEnd(20) };
      if (!started) {
        bar.start(total, done, payload);
        started = true;
        return;
      }
      bar.setTotal(total);
      bar.update(done, payload);
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
