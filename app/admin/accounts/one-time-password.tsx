"use client";

import { useRef, useState } from "react";

/**
 * A password made by the server, shown this once with a copy button. It lives only in this
 * component's state: hiding it or leaving the page loses it for good (an admin can reset it).
 */
export function OneTimePassword({ email, password, onHide }: { email: string; password: string; onHide: () => void }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<string | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(password);
      setStatus("Copied the password to the clipboard.");
    } catch {
      inputRef.current?.select();
      setStatus("Select the password and copy it with Ctrl+C (the browser did not allow copying).");
    }
  }

  return (
    <section className="one-time-password stack" aria-labelledby="one-time-password-heading">
      <h2 id="one-time-password-heading">One-time password for {email}</h2>
      <p>Give it to its owner by a safe channel. It is shown only now; they sign in with it and choose their own under Profile.</p>
      <label>
        Password (shown once)
        <input
          ref={inputRef}
          className="token-secret"
          readOnly
          value={password}
          data-testid="one-time-password"
          onFocus={(e) => e.currentTarget.select()}
        />
      </label>
      <div className="row">
        <button type="button" className="button" onClick={() => void copy()}>
          Copy password
        </button>
        <button type="button" className="button link" onClick={onHide}>
          I have passed it on; hide it
        </button>
        <span role="status" aria-live="polite">
          {status}
        </span>
      </div>
    </section>
  );
}
