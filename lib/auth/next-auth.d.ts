import type { DefaultSession } from "next-auth";

// The JWT carries only who signed in and the token of their Session row (lib/auth/sessions.ts);
// the role and everything else are read from the database on each request (lib/auth/viewer.ts).
declare module "next-auth" {
  interface Session {
    user: { id: string } & DefaultSession["user"];
    /** The Session row's token, copied from the JWT for getViewer. */
    sid?: string;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    sid?: string;
  }
}
