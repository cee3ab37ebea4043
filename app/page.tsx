import Link from "next/link";
import { connection } from "next/server";
import { listArticles } from "@/lib/articles/list-articles";
import { getViewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";

export default async function HomePage() {
  await connection(); // the list reads the database on every request
  // Readers see published articles only; staff see drafts too (canSeeArticle in lib/auth/policy.ts).
  const articles = await listArticles(db, { viewer: await getViewer() });
  return (
    <>
      <h1>Articles</h1>
      {articles.length === 0 ? (
        <p className="muted">No articles yet. Import one with <code>npm run import -- FILE</code>.</p>
      ) : (
        <table className="listing">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Publisher</th>
              <th scope="col" className="num">Revisions</th>
              <th scope="col" className="num">Claims</th>
            </tr>
          </thead>
          <tbody>
            {articles.map((article) => (
              <tr key={article.slug}>
                <td>
                  <Link href={`/articles/${article.slug}`}>{article.title}</Link>
                </td>
                <td>{article.publisher ?? <span className="muted">unknown</span>}</td>
                <td className="num">{article.revisionCount}</td>
                <td className="num">{article.claimCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
