import Link from "next/link";
import type { NumberCheck } from "@/lib/numbers-review/number-checks";

/**
 * The article's number checks on its desk page: how many, how many still to explain, and each with
 * links to its claims in the workbench, where a reviewer explains it.
 */
export function NumberChecksList({ slug, checks }: { slug: string; checks: readonly NumberCheck[] }) {
  const open = checks.filter((c) => !c.explanation).length;
  return (
    <section className="desk-section" aria-labelledby="number-checks-heading" data-testid="desk-number-checks">
      <h2 id="number-checks-heading">Number checks</h2>
      {checks.length === 0 ? (
        <p className="muted">No number check found: the article&apos;s figures agree with each other.</p>
      ) : (
        <>
          <p>
            {checks.length} {checks.length === 1 ? "check" : "checks"}, {open} not yet explained.
          </p>
          <ol className="desk-number-checks">
            {checks.map((check) => (
              <li key={check.key}>
                <p>
                  <strong>Check:</strong> {check.message}{" "}
                  {check.explanation ? (
                    <span className="flag agree">explained</span>
                  ) : (
                    <span className="flag disagree">to explain</span>
                  )}
                </p>
                <p className="muted small">
                  {check.computation} · tolerance {check.tolerance}
                </p>
                {check.explanation ? (
                  <p className="small">
                    Explained by {check.explanation.explainedBy}: {check.explanation.reason}
                  </p>
                ) : null}
                <ul aria-label="Claims involved">
                  {check.claims.map((claim) => (
                    <li key={claim.id}>
                      <Link href={`/articles/${slug}/review#claim-${claim.id}`}>{claim.text}</Link>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
