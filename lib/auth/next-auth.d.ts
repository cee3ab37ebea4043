import type { DefaultSession } from "next-auth";
import type { Role } from "@/lib/domain/vocabulary";

// The role travels in the JWT and the session, so the policy module needs no database read.
declare module "next-auth" {
  interface Session {
    user: { id: string; role: Role } & DefaultSession["user"];
  }
  interface User {
    role?: Role;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    role?: string;
  }
}
