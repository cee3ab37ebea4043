import Link from "next/link";

export default function ForbiddenPage() {
  return (
    <div className="not-found">
      <h1>Not allowed</h1>
      <p>Your role does not allow this page. Ask an editor or an admin if you need it.</p>
      <p>
        <Link href="/">Back to the articles</Link>
      </p>
    </div>
  );
}
