import { isIP } from "node:net";

/**
 * Where the client's network address comes from, for the sign-in limits.
 *
 * What `next start` does (Next 16.4, checked against a running server, see README "Behind a proxy"):
 * it sets `X-Forwarded-For` from the socket only when the request has none
 * (`req.headers['x-forwarded-for'] ??= socket.remoteAddress` in next/dist/server/base-server.js),
 * and passes a client-sent one through verbatim. So without a proxy the header is whatever the
 * client wrote, right-most entry included, and the socket address is not in it. Auth.js's
 * `authorize(credentials, request)` gets a web Request without socket details, and so do route
 * handlers and server actions.
 *
 * So our own server stamps the socket's address on every request, in a header of its own that a
 * client's copy cannot survive (lib/auth/socket-address.ts, installed by instrumentation.ts).
 * `X-Forwarded-For` is read only when the connection came from a proxy named in
 * CLAIMDESK_TRUSTED_PROXY_ADDRESSES, and then as far as CLAIMDESK_TRUSTED_PROXIES says how many
 * proxies append to it. A hop count alone is not enough: a client that reaches a server round the
 * proxy would write the entry it is counted under, so without the list the header is ignored.
 */

/** The header lib/auth/socket-address.ts sets from the TCP socket, overwriting any client's copy. */
export const SOCKET_ADDRESS_HEADER = "x-claimdesk-socket-address";
/** Set on globalThis once the stamp is installed: before that, the header could be the client's. */
export const SOCKET_STAMP_INSTALLED = Symbol.for("claimdesk.socketAddressStamp");

/** The address used when none can be trusted: all such requests share one bucket of the limits. */
export const UNKNOWN_ADDRESS = "unknown";

/** Which proxies are trusted: how many append to `X-Forwarded-For`, and the addresses the nearest connects from. */
export type ProxyTrust = { hops: number; addresses: ReadonlySet<string> };

/**
 * The number of proxies in front of the app that append to `X-Forwarded-For`: 0 (the default, and
 * for anything that is not a whole number from 0 to 10) means the header is ignored.
 */
export function trustedProxyHops(setting: string | undefined = process.env.CLAIMDESK_TRUSTED_PROXIES): number {
  const hops = Number(setting?.trim() || "0");
  return Number.isInteger(hops) && hops >= 0 && hops <= 10 ? hops : 0;
}

/**
 * The addresses the proxy next to the app connects from (comma-separated IPs), each as
 * `exactAddress` spells it; entries that are not an IP address are left out.
 */
export function trustedProxyAddresses(setting: string | undefined = process.env.CLAIMDESK_TRUSTED_PROXY_ADDRESSES): Set<string> {
  const entries = (setting ?? "").split(",").map((entry) => exactAddress(entry));
  return new Set(entries.filter((entry): entry is string => entry !== null));
}

let warnedAboutHopsAlone = false;

/** The trust the environment sets up. Hops without addresses trust nothing, and say so once. */
export function proxyTrustFromEnv(): ProxyTrust {
  const trust = { hops: trustedProxyHops(), addresses: trustedProxyAddresses() };
  if (trust.hops > 0 && trust.addresses.size === 0 && !warnedAboutHopsAlone) {
    warnedAboutHopsAlone = true;
    console.warn(
      "claimdesk: CLAIMDESK_TRUSTED_PROXIES is set but CLAIMDESK_TRUSTED_PROXY_ADDRESSES is not: X-Forwarded-For is ignored and " +
        "sign-ins count under the proxy's own address. Set CLAIMDESK_TRUSTED_PROXY_ADDRESSES to the address(es) the proxy connects from.",
    );
  }
  return trust;
}

/**
 * The address a sign-in attempt is counted under. When the connection came from a trusted proxy,
 * each of `hops` proxies has appended the address it saw to `X-Forwarded-For`, so the client is
 * the `hops`-th entry from the right; what is left of it was written by the client and is never
 * read. Otherwise (no trusted proxy, a connection from anywhere else, or a header shorter than the
 * chain) the socket's address. IPv6 addresses count by their /64 network, which one subscriber
 * usually owns whole.
 */
export function clientAddress(headers: Headers | undefined, trust: ProxyTrust = proxyTrustFromEnv()): string {
  const stamped = (globalThis as Record<symbol, unknown>)[SOCKET_STAMP_INSTALLED] === true;
  const peer = stamped ? headers?.get(SOCKET_ADDRESS_HEADER) : undefined;
  const socket = addressKey(peer) ?? UNKNOWN_ADDRESS;
  const fromProxy = trust.hops > 0 && trust.addresses.has(exactAddress(peer) ?? "");
  if (!fromProxy || !headers) return socket;
  const chain = (headers.get("x-forwarded-for") ?? "").split(",").map((entry) => entry.trim());
  if (chain.length < trust.hops) return socket;
  return addressKey(chain[chain.length - trust.hops]) ?? socket;
}

/** A stable key for an IP address (IPv4 as is, IPv4-mapped IPv6 as IPv4, IPv6 as its /64), or null. */
export function addressKey(raw: string | null | undefined): string | null {
  const exact = exactAddress(raw);
  if (exact === null || isIP(exact) === 4) return exact;
  return `${exact.split(":").slice(0, 4).join(":")}::/64`;
}

/**
 * One spelling for one IP address (IPv4 as is, IPv4-mapped IPv6 as IPv4, IPv6 as its eight groups),
 * or null. The proxy check compares these, never /64 keys: one trusted proxy must not make its
 * whole network trusted.
 */
export function exactAddress(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let value = raw.trim();
  if (value.startsWith("[") && value.endsWith("]")) value = value.slice(1, -1);
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(value);
  if (mapped) value = mapped[1]!;
  const version = isIP(value);
  if (version === 4) return value;
  if (version !== 6) return null;
  return expandIPv6(value).join(":");
}

/** The eight groups of an IPv6 address, lower case, without leading zeros. */
function expandIPv6(value: string): string[] {
  const withoutZone = value.split("%")[0]!;
  const [head, tail] = withoutZone.includes("::") ? withoutZone.split("::") : [withoutZone, undefined];
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  // An embedded IPv4 tail ("::1.2.3.4") fills the last two groups.
  const last = (tail === undefined ? left : right).at(-1);
  if (last?.includes(".")) {
    const [a, b, c, d] = last.split(".").map(Number) as [number, number, number, number];
    (tail === undefined ? left : right).splice(-1, 1, ((a << 8) | b).toString(16), ((c << 8) | d).toString(16));
  }
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array<string>(missing).fill("0"), ...right].map((group) => parseInt(group, 16).toString(16));
}
