import "server-only";
import type { z } from "zod";
import { AppError, errorBody, toAppError, type ErrorBody } from "@/lib/errors";
import { assertCan, type Permission, type Viewer } from "./policy";
import { assertSameOriginOrToken } from "./same-origin";
import { getRequestViewer, getWritingViewer } from "./viewer";

/** What every server action returns: data, or an error the form shows while keeping its input. */
export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: ErrorBody };

/**
 * Wraps a server action: loads the viewer, checks the permission through the policy module, parses
 * the input with the operation's zod schema (the same one the form uses) and turns every failure
 * into an ActionResult, so an action never throws at the browser and never runs unchecked.
 */
export function guardedAction<S extends z.ZodType, T>(
  permission: Permission,
  schema: S,
  run: (input: z.output<S>, viewer: NonNullable<Viewer>) => Promise<T>,
): (input: z.input<S>) => Promise<ActionResult<T>> {
  return async (input) => {
    try {
      const viewer = await getWritingViewer();
      assertCan(viewer, permission);
      return { ok: true, data: await run(schema.parse(input), viewer) };
    } catch (error) {
      const appError = toAppError(error);
      if (appError.code === "INTERNAL") console.error(error);
      return { ok: false, error: errorBody(appError).error };
    }
  };
}

type RouteContext<P> = { params: Promise<P> };

/**
 * Wraps a route handler the same way: the viewer (an `Authorization: Bearer` API token, else the
 * session cookie; see getRequestViewer) must hold the permission, and a state-changing request
 * that rides on the cookie must come from our own origin (lib/auth/same-origin.ts: another port of
 * the same host sends the cookie too). Both are checked before `run` reads the body or writes.
 * Errors become JSON `{ error: { code, message } }` with the code's status.
 */
export function guardedRoute<P = Record<string, string>>(
  permission: Permission,
  run: (request: Request, context: { params: P; viewer: NonNullable<Viewer> }) => Promise<Response>,
): (request: Request, context: RouteContext<P>) => Promise<Response> {
  return async (request, context) => {
    try {
      const viewer = await getRequestViewer(request);
      assertCan(viewer, permission);
      // After the viewer and permission: a reader still learns to sign in (401), a reviewer that
      // the role is missing (403), whatever the request's origin.
      assertSameOriginOrToken(request);
      return await run(request, { params: await context.params, viewer });
    } catch (error) {
      const appError = toAppError(error);
      if (appError.code === "INTERNAL") console.error(error);
      return Response.json(errorBody(appError), { status: appError.status });
    }
  };
}

export { AppError };
