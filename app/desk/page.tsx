import type { Metadata } from "next";
import Link from "next/link";
import { requirePageViewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { listDesk, type ClaimProgress } from "@/lib/desk/list-desk";
import { humanDateTime } from "@/lib/export/human-date";
import { RestoreForm } from "./restore-form";
import "./desk.css";

export const metadata: Metadata = { title: "Desk" };

const STATES: { key: keyof Omit<ClaimProgress, "total">; label: string }[] = [
  { key: "open", label: "Open" },
  { key: "in_review", label: "In review" },
  { key: "reviewed", label: "Reviewed" },
  { key: "approved", label: "Approved" },
  { key: "dismissed", label: "Dismissed" },
  { key: "orphaned", label: "Orphaned" },
];

const STATUS_LABELS: Record<string, string> = { draft: "Draft", in_review: "In review", published: "Published" };


export default async function DeskPage() {
  await requirePageViewer("claim.assign", "/desk");
  const articles = await listDesk(db);
  return (
    <div className="desk">
      <h1>Desk</h1>
      <p>
        <Link href="/desk/repeated">Claims repeated most across articles</Link>
      </p>
      {articles.length === 0 ? (
        <p className="muted">No articles yet. Import one with <code>npm run import -- FILE</code>, or restore a backup below.</p>
      ) : (
        <div className="table-scroll">
          <table className="listing desk-table">
            <caption className="visually-hidden">Articles with their state, claims per state, claims seen before in other articles, people and last activity</caption>
            <thead>
              <tr>
                <th scope="col">Article</th>
                <th scope="col">State</th>
                {STATES.map((s) => (
                  <th scope="col" className="num" key={s.key}>
                    {s.label}
                  </th>
                ))}
                <th scope="col" className="num">
                  Seen before
                </th>
                <th scope="col">Working on it</th>
                <th scope="col">Last activity (UTC)</th>
              </tr>
            </thead>
            <tbody>
              {articles.map((a) => (
                <tr key={a.slug} data-slug={a.slug}>
                  <th scope="row">
                    <Link href={`/desk/${a.slug}`}>{a.title}</Link>
                    <div className="muted small">
                      {a.progress.total} claims{a.publisher ? ` · ${a.publisher}` : ""}
                    </div>
                    <progress
                      className="desk-progress"
                      max={Math.max(1, a.progress.total - a.progress.dismissed)}
                      value={a.progress.approved}
                      aria-label={`${a.progress.approved} of ${a.progress.total - a.progress.dismissed} claims approved`}
                    />
                  </th>
                  <td>
                    <span className={`status-badge status-${a.status}`}>{STATUS_LABELS[a.status] ?? a.status}</span>
                  </td>
                  {STATES.map((s) => (
                    <td className="num" key={s.key} data-state={s.key}>
                      {a.progress[s.key]}
                    </td>
                  ))}
                  <td className="num" data-testid="seen-before">
                    {a.seenBefore}
                  </td>
                  <td>
                    {a.people.length === 0 ? (
                      <span className="muted">nobody yet</span>
                    ) : (
                      <ul className="people">
                        {a.people.map((p) => (
                          <li key={p.id}>
                            {p.name}{" "}
                            <span className="muted small">
                              ({[p.reviews ? `${p.reviews} reviewed` : null, p.assigned ? `${p.assigned} assigned` : null].filter(Boolean).join(", ")})
                            </span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>
                    <time dateTime={a.lastActivity.toISOString()}>{humanDateTime(a.lastActivity)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <RestoreForm />
    </div>
  );
}
