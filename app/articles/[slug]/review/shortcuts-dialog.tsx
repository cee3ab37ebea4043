"use client";

import { useEffect, useRef } from "react";

export const SHORTCUTS: Array<[string, string]> = [
  ["j / k", "next / previous claim"],
  ["1 – 5", "verdict: False, Misleading, Missing context, Mostly accurate, Accurate"],
  ["u", "verdict: Unsupported"],
  ["o", "verdict: Opinion"],
  ["n", "write the note"],
  ["c", "add a citation"],
  ["?", "show these shortcuts"],
];

/** The list of keyboard shortcuts, as a modal dialog that returns focus where it came from. */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} onClose={onClose} aria-labelledby="shortcuts-title" className="dialog">
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <dl className="shortcuts">
        {SHORTCUTS.map(([keys, what]) => (
          <div key={keys}>
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog">
        <button className="button" type="submit">
          Close
        </button>
      </form>
    </dialog>
  );
}
