import type { Root } from "hast";
import { HastContent } from "@/app/_components/hast-content";
import type { ReadingSummary as Summary } from "@/lib/reading/summary";

/** Claims checked, by verdict and by kind: the SVG chart and the same numbers as tables. */
export function ReadingSummary({ summary, chart }: { summary: Summary; chart: Root }) {
  return (
    <section className="reading-summary" aria-labelledby="summary-heading">
      <h2 id="summary-heading">Summary</h2>
      <p>
        <strong>{summary.total}</strong> claims marked in this article; <strong>{summary.checked}</strong> with a verdict approved by an editor.
        Claims without one are marked by kind and labelled “Not yet rated”.
      </p>
      <div className="summary-grid">
        <HastContent tree={chart} />
        <div className="summary-tables">
          <table className="listing summary-table">
            <caption>Claims by verdict</caption>
            <thead>
              <tr>
                <th scope="col">Verdict</th>
                <th scope="col" className="num">Claims</th>
              </tr>
            </thead>
            <tbody>
              {summary.byVerdict.map((row) => (
                <tr key={row.id}>
                  <th scope="row">
                    <span className={`swatch verdict-${row.id}`} aria-hidden="true" /> {row.label}
                  </th>
                  <td className="num">{row.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="listing summary-table">
            <caption>Claims by kind</caption>
            <thead>
              <tr>
                <th scope="col">Kind</th>
                <th scope="col" className="num">Claims</th>
              </tr>
            </thead>
            <tbody>
              {summary.byKind.map((row) => (
                <tr key={row.id}>
                  <th scope="row">
                    <span className={`swatch kind-${row.id}`} aria-hidden="true" /> {row.label}
                  </th>
                  <td className="num">{row.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}
