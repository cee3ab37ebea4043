import http from "node:http";
import { SOCKET_ADDRESS_HEADER, SOCKET_STAMP_INSTALLED } from "./client-address";

/**
 * Stamps every incoming request with its socket's address, in a header of our own
 * (SOCKET_ADDRESS_HEADER), before Next sees it: Next's route handlers, server actions and Auth.js
 * get only the headers, and the only address header Next itself sets, `X-Forwarded-For`, keeps a
 * client's own value when one is sent (lib/auth/client-address.ts). A client-sent copy of our
 * header is overwritten, never trusted. Installed once per process from instrumentation.ts, which
 * `next start` and `next dev` run in the process that owns the HTTP server.
 *
 * It patches `http.Server.prototype.emit` for the "request" event: Next creates its server before
 * running instrumentation, so the server object is out of reach, but its prototype is not.
 */
export function installSocketAddressStamp(): void {
  const registry = globalThis as Record<symbol, unknown>;
  if (registry[SOCKET_STAMP_INSTALLED]) return;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function stampSocketAddress(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const request = args[0] as http.IncomingMessage;
      request.headers[SOCKET_ADDRESS_HEADER] = request.socket?.remoteAddress ?? "";
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof emit;
  registry[SOCKET_STAMP_INSTALLED] = true;
}
