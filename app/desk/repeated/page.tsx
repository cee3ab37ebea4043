import type { Metadata } from "next";
import Link from "next/link";
import { requirePageViewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { listRepeatedClaims, type RepeatedClaimItem } from "@/lib/desk/list-repeated-claims";
import { VERDICTS } from "@/lib/domain/vocabulary";
import "../desk.css";
import "./repeated.css";

export const metadata: Metadata = { title: "Claims repeated most" };

/** How many repeated claims the page lists: the ones worth a desk's standing answer. */
const LIMIT = 50;

const verdictLabel = (v: string) => VERDICTS.find((x) => x.id === v)?.label ?? v;

/**
 * The claims that come back across articles most often (issue 16), with what the desk decided about
 * each copy: where a standing answer would save the most checking. Editors, like the desk.
 */
export default async function RepeatedClaimsPage() {
  await requirePageViewer("claim.assign", "/desk/repeated");
  const claims = await listRepeatedClaims(db, { limit: LIMIT });
  return (
    <div className="desk">
      <p className="muted">
        <Link href="/desk">All articles on the desk</Link>
      </p>
      <h1>Claims repeated most</h1>
      <p className="muted">Claims that match checked claims in other articles, the most repeated first, with each copy&apos;s verdict.</p>
      {claims.length === 0 ? (
        <p className="muted">No claim has been matched across articles yet.</p>
      ) : (
        <ol className="repeated-claims">
          {claims.map((c) => (
            <li key={c.claimId} data-testid="repeated-claim">
              <article aria-labelledby={`repeated-${c.claimId}`} className="repeated-claim">
                <h2 id={`repeated-${c.claimId}`} className="repeated-claim-text">
                  {c.text}
                </h2>
                <p className="muted small">
                  In {c.articleCount} {c.articleCount === 1 ? "article" : "articles"}
                </p>
                <table className="listing repeated-copies">
                  <caption className="visually-hidden">Where the claim appears, and its verdicts</caption>
                  <thead>
                    <tr>
                      <th scope="col">Article</th>
                      <th scope="col">Verdict</th>
                    </tr>
                  </thead>
                  <tbody>
                    {[c, ...c.copies].map((copy) => (
                      <CopyRow key={copy.claimId} copy={copy} />
                    ))}
                  </tbody>
                </table>
              </article>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function CopyRow({ copy }: { copy: RepeatedClaimItem }) {
  // With an approved verdict, the reviews' verdicts matter only when there were several.
  const others = copy.approved && copy.verdicts.length <= 1 ? [] : copy.verdicts;
  return (
    <tr>
      <th scope="row">
        <Link href={copy.href}>{copy.article.title}</Link>
        <div className="muted small">{copy.text}</div>
      </th>
      <td>
        {copy.approved ? <strong>Approved: {verdictLabel(copy.approved)}</strong> : null}
        {others.length > 0 ? (
          <div className={copy.approved ? "muted small" : undefined}>
            {copy.approved ? "Reviews: " : ""}
            {others.map(verdictLabel).join(", ")}
          </div>
        ) : null}
        {!copy.approved && others.length === 0 ? <span className="muted">No verdict yet</span> : null}
      </td>
    </tr>
  );
}
