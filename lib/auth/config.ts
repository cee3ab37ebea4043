import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import type { Provider } from "next-auth/providers";
import { db } from "@/lib/db/client";
import { sameOriginRedirect } from "./auth-redirect";
import { authorizePassword } from "./authorize-password";
import { configuredAuthUrl, sessionSecrets } from "./session-cookie";
import { endSession, openSession, SESSION_MAX_AGE_SECONDS } from "./sessions";

/** Sign-in refused because of too many attempts; the message reaches the sign-in form. */
class TooManyAttempts extends CredentialsSignin {
  override code = "rate_limited";
}

const providers: Provider[] = [
  Credentials({
    credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
    async authorize(raw, request) {
      const outcome = await authorizePassword(db, raw, request);
      if (outcome === "rate_limited") throw new TooManyAttempts();
      return outcome;
    },
  }),
];
// Optional OAuth sign-in, switched on by environment variables (README); new users get the reviewer role.
export const oauthProviders: Array<{ id: "github" | "google"; name: string }> = [];
if (process.env.AUTH_GITHUB_ID && process.env.AUTH_GITHUB_SECRET) {
  providers.push(GitHub);
  oauthProviders.push({ id: "github", name: "GitHub" });
}
if (process.env.AUTH_GOOGLE_ID && process.env.AUTH_GOOGLE_SECRET) {
  providers.push(Google);
  oauthProviders.push({ id: "google", name: "Google" });
}

// Unless AUTH_URL is set, Auth.js builds its URLs, and picks secure or plain cookie names, from the
// request's X-Forwarded-Host and X-Forwarded-Proto, which a client writes. With a public URL
// configured, that URL decides instead (issue 11, finding 5). lib/auth/session-cookie.ts, which reads
// the session cookie on every request, takes the cookie's name by the same URL.
if (process.env.CLAIMDESK_PUBLIC_URL && !process.env.AUTH_URL) process.env.AUTH_URL = configuredAuthUrl();

export const { handlers, auth, signIn, signOut } = NextAuth({
  // Credentials sign-in needs JWT sessions. Each JWT carries the token of a Session row
  // (lib/auth/sessions.ts), read with its user on every request, so sessions can be revoked.
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  // Given here, not left to Auth.js's own reading of the environment, so that the reader of the
  // cookie (lib/auth/session-cookie.ts) decodes with exactly the secrets that sign it.
  secret: sessionSecrets(),
  trustHost: true,
  pages: { signIn: "/sign-in" },
  providers,
  callbacks: {
    async signIn({ user, account }) {
      if (!user.email) return false;
      // OAuth: an address without an account here gets one, as reviewer.
      const stored =
        !account || account.provider === "credentials"
          ? await db.user.findUnique({ where: { email: user.email }, select: { disabledAt: true } })
          : await db.user.upsert({ where: { email: user.email }, update: {}, create: { email: user.email, name: user.name, role: "reviewer" }, select: { disabledAt: true } });
      // A disabled account signs in with no provider.
      return stored !== null && stored.disabledAt === null;
    },
    async jwt({ token, user, account }) {
      if (!(user && account)) return token;
      // Signing in: the session becomes a row, and the JWT keeps only who and which row.
      const stored = await db.user.findUnique({ where: { email: user.email ?? "" }, select: { id: true } });
      if (!stored) return null;
      const { sessionToken } = await openSession(db, { userId: stored.id });
      return { ...token, sub: stored.id, sid: sessionToken };
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      // getViewer reads the row by this token; alone it is worthless (it counts only inside the signed JWT).
      session.sid = token.sid;
      return session;
    },
    redirect: sameOriginRedirect,
  },
  events: {
    // Both the menu's sign-out and POST /api/auth/signout come here: the JWT's row is deleted, so
    // a copy of the cookie no longer counts.
    async signOut(message) {
      if ("token" in message) await endSession(db, message.token?.sid);
    },
  },
});
