import type { ArticlePreview } from "@/lib/articles/preview-article";
import { KIND_LABELS } from "@/lib/domain/vocabulary";

/** The claims an import would create, as the server found them, before anything is written. */
export function ClaimsPreview({ preview }: { preview: ArticlePreview }) {
  const { claims, claimCount, fileName, format } = preview;
  return (
    <section className="stack import-preview" aria-labelledby="import-preview-heading" data-testid="claims-preview">
      <h2 id="import-preview-heading">Claims found ({claimCount})</h2>
      <p className="muted">
        {fileName ? `In ${fileName}` : "In the pasted text"}, read as {FORMAT_NAMES[format]}.
        {claimCount > claims.length ? ` The first ${claims.length} are listed; all ${claimCount} are imported.` : ""}
        {claimCount === 0 ? " No check-worthy sentence was found; the article can still be imported and claims added in the workbench." : ""}
      </p>
      {claims.length > 0 ? (
        <ol className="claim-list" aria-label={`Claims found (${claimCount})`}>
          {claims.map((claim, i) => (
            <li key={i} data-kind={claim.kind}>
              <span className="kind-badge">{KIND_LABELS[claim.kind]}</span> {claim.text}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}

const FORMAT_NAMES = { markdown: "Markdown", text: "plain text", html: "HTML" } as const;
