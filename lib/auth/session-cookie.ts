import "server-only";
import type { Database } from "@/lib/db/create-database";
import { postgresPipelineOf } from "@/lib/db/postgres-database";
import { sqliteConnectionOf } from "@/lib/db/sqlite-connection";
import { publicOrigin } from "@/lib/reading/site-origin";
import type { Viewer } from "./policy";
import { decodeSessionJwt } from "./session-cookie-jwt";
import { findSessionViewerOnPostgres } from "./session-cookie-postgres";
import { findSessionViewerOnSqlite } from "./session-cookie-sqlite";
import { findSessionViewer } from "./sessions";

/**
 * The session of a request, read from the cookie Auth.js set at sign-in: the cookie's JWT decoded
 * once, then its Session row read with its user (findSessionViewer of lib/auth/sessions.ts; on
 * SQLite the same read as one prepared statement, session-cookie-sqlite.ts, and on PostgreSQL as
 * one named statement on the save pool, session-cookie-postgres.ts).
 *
 * The JWT is decoded by next-auth/jwt's decode, once per process for each cookie
 * (session-cookie-jwt.ts).
 *
 * Why not Auth.js's `auth()`: it runs Auth.js's whole session endpoint on every call, which decodes
 * the JWT and then signs (encrypts) it again with a later expiry for a Set-Cookie. In server
 * components and server actions that Set-Cookie is thrown away (next-auth returns only the JSON),
 * so the re-signing was pure cost: most of the CPU of a save (issue 13). This reader never encodes.
 *
 * Nothing relied on that refresh. A session's lifetime is fixed at sign-in: the JWT's `exp`, the
 * cookie's Expires and the Session row's `expires` are all sign-in + SESSION_MAX_AGE_SECONDS, and
 * the row, checked on every request, is never extended. Auth.js's refreshed cookie reached a
 * browser only from GET /api/auth/session (next-auth/react's useSession, which the app does not
 * use), and even then the row ended the session on time. So there is no sliding expiry to keep.
 *
 * The same rules as Auth.js, so that what sign-in writes is what this reads:
 * - the cookie's name (sessionCookieName) and the JWT's salt, which is that name;
 * - the secrets (sessionSecrets), which lib/auth/config.ts hands to Auth.js;
 * - a cookie too large for one cookie is split by Auth.js into `<name>.0`, `<name>.1`…
 */

type Env = Record<string, string | undefined>;
export type RequestCookie = { name: string; value: string };
export type SessionRead = { viewer: Viewer; ended: boolean };

const PLAIN_NAME = "authjs.session-token";
const SECURE_NAME = `__Secure-${PLAIN_NAME}`;
const READER: SessionRead = { viewer: null, ended: false };

/**
 * The URL Auth.js takes itself to be served at, when configured: AUTH_URL, else the public URL
 * (lib/auth/config.ts makes that AUTH_URL, so a client's X-Forwarded-* headers decide nothing),
 * else NEXTAUTH_URL. Undefined when none is set: Auth.js then goes by the request.
 */
export function configuredAuthUrl(env: Env = process.env): string | undefined {
  if (env.AUTH_URL) return env.AUTH_URL;
  if (env.CLAIMDESK_PUBLIC_URL) return `${publicOrigin(env)}/api/auth`;
  return env.NEXTAUTH_URL || undefined;
}

/**
 * The session cookie's name, as Auth.js picks it: `__Secure-authjs.session-token` when it takes
 * itself to be on https, else `authjs.session-token`. With a configured URL, that URL's scheme
 * decides; without, the request's X-Forwarded-Proto (Next sets it from the connection when no
 * proxy did), and https when there is none, as Auth.js assumes.
 */
export function sessionCookieName(options: { forwardedProto: string | null; env?: Env }): string {
  const url = configuredAuthUrl(options.env);
  const scheme = url ? new URL(url).protocol : `${(options.forwardedProto ?? "https").split(",")[0]!.trim().toLowerCase().replace(/:$/, "")}:`;
  return scheme === "https:" ? SECURE_NAME : PLAIN_NAME;
}

/**
 * The secrets that sign and read session JWTs, as Auth.js takes them from the environment:
 * AUTH_SECRET (or NEXTAUTH_SECRET); without either, AUTH_SECRET_3, _2, _1 (Auth.js's rotation
 * list: the first signs, all are read). Empty when none is set: then no cookie reads.
 */
export function sessionSecrets(env: Env = process.env): string[] {
  const one = env.AUTH_SECRET || env.NEXTAUTH_SECRET;
  if (one) return [one];
  return [env.AUTH_SECRET_3, env.AUTH_SECRET_2, env.AUTH_SECRET_1].filter((secret): secret is string => !!secret);
}

/** The cookie's JWT, joined from its chunks when Auth.js split it; undefined without one. */
export function sessionCookieValue(cookies: readonly RequestCookie[], name: string): string | undefined {
  const parts: Array<[number, string]> = [];
  for (const { name: given, value } of cookies) {
    if (!value) continue;
    if (given === name) parts.push([-1, value]);
    else if (given.startsWith(`${name}.`) && /^\d+$/.test(given.slice(name.length + 1))) parts.push([Number(given.slice(name.length + 1)), value]);
  }
  if (parts.length === 0) return undefined;
  return parts.sort((a, b) => a[0] - b[0]).map(([, value]) => value).join("");
}

/**
 * The session of a request with these cookies (and X-Forwarded-Proto): a reader when there is no
 * session cookie or its JWT does not read (tampered, expired, another secret, another cookie's
 * salt); `ended` when the JWT reads but its Session row is gone or expired, or its user is
 * disabled or deleted; else the row's user, with the role of their user row now.
 */
export async function readSession(
  db: Database,
  request: { cookies: readonly RequestCookie[]; forwardedProto: string | null },
  env: Env = process.env,
): Promise<SessionRead> {
  const name = sessionCookieName({ forwardedProto: request.forwardedProto, env });
  const jwt = sessionCookieValue(request.cookies, name);
  if (!jwt) return READER;
  let sid: unknown;
  try {
    sid = (await decodeSessionJwt(jwt, sessionSecrets(env), name)).sid;
  } catch {
    return READER;
  }
  const sessionToken = typeof sid === "string" ? sid : undefined;
  const viewer = await findSessionRowViewer(db, sessionToken);
  return { viewer, ended: viewer === null };
}

/** The Session row's user (findSessionViewer's answer), by the engine's own statement where there is one. */
async function findSessionRowViewer(db: Database, sessionToken: string | undefined): Promise<Viewer | null> {
  const postgres = postgresPipelineOf(db);
  if (postgres) return findSessionViewerOnPostgres(postgres, sessionToken);
  const sqlite = await sqliteConnectionOf(db);
  return sqlite ? findSessionViewerOnSqlite(sqlite, sessionToken) : findSessionViewer(db, sessionToken);
}
