"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ErrorBody } from "@/lib/errors";
import { publishAction, unpublishAction } from "./actions";

const STATUS_LABELS: Record<string, string> = { draft: "Draft", in_review: "In review", published: "Published" };

/** The article's state with the button that changes it; readers see approved verdicts only. */
export function PublishControls({ slug, status }: { slug: string; status: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const published = status === "published";

  function run(publish: boolean) {
    startTransition(async () => {
      const result = await (publish ? publishAction : unpublishAction)({ slug });
      if (result.ok) {
        setError(null);
        setMessage(publish ? "Published: readers now see the approved verdicts." : "Unpublished: the reading view is no longer public.");
        router.refresh();
      } else {
        setError(result.error);
        setMessage(null);
      }
    });
  }

  return (
    <div className="stack">
      <div className="row">
        <span>
          State: <span className={`status-badge status-${status}`} data-testid="article-status">{STATUS_LABELS[status] ?? status}</span>
        </span>
        {published ? (
          <button type="button" className="button" disabled={pending} onClick={() => run(false)}>
            Unpublish
          </button>
        ) : (
          <button type="button" className="button primary" disabled={pending} onClick={() => run(true)}>
            Publish
          </button>
        )}
        <span role="status" aria-live="polite" className="muted">
          {pending ? "Saving…" : message}
        </span>
      </div>
      {error ? (
        <div role="alert" className="form-error">
          {error.message}
        </div>
      ) : null}
    </div>
  );
}
