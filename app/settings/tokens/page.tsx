import type { Metadata } from "next";
import { listApiTokens } from "@/lib/auth/api-tokens";
import { requirePageViewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { TokenManager } from "./token-manager";
import "../../desk/desk.css";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  const viewer = await requirePageViewer("token.manage", "/settings/tokens");
  const tokens = await listApiTokens(db, { viewer });
  return (
    <div className="stack">
      <h1>API tokens</h1>
      <p className="muted">
        A personal token lets a script read the JSON API and the exports with your role ({viewer.role}). Send it as{" "}
        <code>Authorization: Bearer &lt;token&gt;</code>. Only a fingerprint of the token is kept: copy it when it is shown, it is never shown again.
      </p>
      <TokenManager
        tokens={tokens.map((t) => ({
          id: t.id,
          name: t.name,
          createdAt: t.createdAt.toISOString(),
          lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
          revokedAt: t.revokedAt?.toISOString() ?? null,
        }))}
      />
    </div>
  );
}
