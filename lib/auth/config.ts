import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import type { Provider } from "next-auth/providers";
import { Role } from "@/lib/domain/vocabulary";
import { db } from "@/lib/db/client";
import { authorizePassword } from "./authorize-password";

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

export const { handlers, auth, signIn, signOut } = NextAuth({
  // Credentials sign-in needs JWT sessions; they also keep several app servers stateless.
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  trustHost: true,
  pages: { signIn: "/sign-in" },
  providers,
  callbacks: {
    async signIn({ user, account }) {
      if (!account || account.provider === "credentials") return true;
      // OAuth: only addresses that already have an account here, or create one as reviewer.
      if (!user.email) return false;
      await db.user.upsert({ where: { email: user.email }, update: {}, create: { email: user.email, name: user.name, role: "reviewer" }, select: { id: true } });
      return true;
    },
    async jwt({ token, user, account }) {
      if (user && account) {
        const stored = await db.user.findUnique({ where: { email: user.email ?? "" }, select: { id: true, role: true } });
        if (stored) {
          token.sub = stored.id;
          token.role = stored.role;
        }
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.user.role = Role.catch("reviewer").parse(token.role);
      return session;
    },
  },
});
