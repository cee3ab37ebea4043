import Link from "next/link";

export default function NotFound() {
  return (
    <div className="not-found">
      <h1>Page not found</h1>
      <p>There is no article or page at this address.</p>
      <p>
        <Link href="/">Back to the articles</Link>
      </p>
    </div>
  );
}
