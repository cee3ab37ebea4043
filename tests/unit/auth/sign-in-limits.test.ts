import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authorizePassword } from "@/lib/auth/authorize-password";
import { SOCKET_ADDRESS_HEADER, addressKey, clientAddress, trustedProxyHops } from "@/lib/auth/client-address";
import { hashPassword } from "@/lib/auth/password";
import { SIGN_IN_LIMITS } from "@/lib/auth/sign-in-limits";
import { installSocketAddressStamp } from "@/lib/auth/socket-address";
import { tempDatabase } from "../../support/temp-database";

const PASSWORD = "the-right-password";
let temp: ReturnType<typeof tempDatabase>;
let hash: string;
let serial = 0;

beforeAll(async () => {
  temp = tempDatabase();
  hash = await hashPassword(PASSWORD);
  // What instrumentation.ts does in the app server: from here on the socket header is trusted.
  installSocketAddressStamp();
});
afterAll(() => temp.dispose());

/** A fresh account of its own for each test, so no test inherits another's failures. */
async function account(options: { disabled?: boolean } = {}): Promise<string> {
  const email = `user-${++serial}@claimdesk.test`;
  await temp.db.user.create({ data: { email, passwordHash: hash, disabledAt: options.disabled ? new Date() : null }, select: { id: true } });
  return email;
}

/** A fresh address with no account: a guess at it costs no password hash, which keeps the tests quick. */
const nobody = () => `nobody-${++serial}@claimdesk.test`;

/** A sign-in request as the app server hands it over: the stamped socket address, and whatever X-Forwarded-For the client sent. */
function request(socket: string, forwardedFor?: string): Request {
  const headers = new Headers({ [SOCKET_ADDRESS_HEADER]: socket });
  if (forwardedFor) headers.set("x-forwarded-for", forwardedFor);
  return new Request("http://claimdesk.test/api/auth/callback/credentials", { method: "POST", headers });
}

const attempt = (email: string, password: string, from: Request) => authorizePassword(temp.db, { email, password }, from);
const checked = (email: string) => temp.db.signInAttempt.count({ where: { email } });

describe("the per-account limit", () => {
  it("checks at most 5 of 40 wrong passwords sent at once, and the right one in the burst does not sign in", async () => {
    const email = await account();
    const burst = Array.from({ length: 40 }, (_, n) => attempt(email, `wrong-${n}`, request("192.0.2.10", `10.0.${n}.1`)));
    burst.push(attempt(email, PASSWORD, request("192.0.2.10")));
    const outcomes = await Promise.all(burst);
    expect(await checked(email)).toBeLessThanOrEqual(SIGN_IN_LIMITS.perAccount);
    expect(await checked(email)).toBe(SIGN_IN_LIMITS.perAccount);
    expect(outcomes.filter((o) => o === "rate_limited")).toHaveLength(41 - SIGN_IN_LIMITS.perAccount);
    expect(outcomes.at(-1)).toBe("rate_limited");
    expect(outcomes.some((o) => o !== null && typeof o === "object")).toBe(false);
  });

  it("lets the owner in with the right password after a few typos", async () => {
    const email = await account();
    for (let n = 0; n < SIGN_IN_LIMITS.perAccount - 1; n++) expect(await attempt(email, "typo", request("192.0.2.11"))).toBeNull();
    expect(await attempt(email, PASSWORD, request("192.0.2.11"))).toMatchObject({ email });
  });

  it("counts an address's failures from its own last success, so someone else's success does not reset them", async () => {
    const email = await account();
    const attacker = request("198.51.100.20");
    for (let n = 0; n < SIGN_IN_LIMITS.perAccountFromAddress - 1; n++) expect(await attempt(email, "guess", attacker)).toBeNull();
    expect(await attempt(email, PASSWORD, request("192.0.2.12"))).toMatchObject({ email }); // the owner, elsewhere
    expect(await attempt(email, "guess", attacker)).toBeNull();
    expect(await attempt(email, "guess", attacker)).toBe("rate_limited");
    expect(await attempt(email, PASSWORD, request("192.0.2.12"))).toMatchObject({ email });
  });
});

describe("the address limits", () => {
  it("are not reset by rotating X-Forwarded-For without a trusted proxy", async () => {
    const outcomes = [];
    for (let n = 0; n < 25; n++) outcomes.push(await attempt(nobody(), "guess", request("203.0.113.30", `10.1.${n}.1`)));
    expect(outcomes.slice(0, SIGN_IN_LIMITS.accountsPerAddress).every((o) => o === null)).toBe(true);
    expect(outcomes.slice(SIGN_IN_LIMITS.accountsPerAddress).every((o) => o === "rate_limited")).toBe(true);
  });

  it("do not lock out everyone behind a NAT when one person there fails many times", async () => {
    const nat = "203.0.113.40";
    for (let n = 0; n < 4; n++) {
      const victim = nobody();
      for (let k = 0; k < SIGN_IN_LIMITS.perAccount + 1; k++) await attempt(victim, "guess", request(nat));
    }
    expect(await temp.db.signInAttempt.count({ where: { address: nat } })).toBe(4 * SIGN_IN_LIMITS.perAccount);
    const colleague = await account();
    expect(await attempt(colleague, PASSWORD, request(nat))).toMatchObject({ email: colleague });
  });

  it("refuse a new account once enough accounts failed there, but not one that signed in there before", async () => {
    const nat = "203.0.113.50";
    const regular = await account();
    expect(await attempt(regular, PASSWORD, request(nat))).toMatchObject({ email: regular });
    const sprayed = [];
    for (let n = 0; n < SIGN_IN_LIMITS.accountsPerAddress; n++) {
      sprayed.push(n === 0 ? await account() : nobody());
      expect(await attempt(sprayed.at(-1)!, "guess", request(nat))).toBeNull();
    }
    const newcomer = await account();
    expect(await attempt(newcomer, PASSWORD, request(nat))).toBe("rate_limited");
    expect(await attempt(newcomer, PASSWORD, request("192.0.2.51"))).toMatchObject({ email: newcomer });
    expect(await attempt(regular, PASSWORD, request(nat))).toMatchObject({ email: regular });
    // An account already tried there goes on under its own limits.
    expect(await attempt(sprayed[0]!, PASSWORD, request(nat))).toMatchObject({ email: sprayed[0] });
  });
});

describe("a disabled account", () => {
  it("does not sign in with the right password, and the check counts as a failure", async () => {
    const email = await account({ disabled: true });
    expect(await attempt(email, PASSWORD, request("192.0.2.60"))).toBeNull();
    expect(await temp.db.signInAttempt.findMany({ where: { email }, select: { succeeded: true } })).toEqual([{ succeeded: false }]);
  });
});

describe("clientAddress", () => {
  const headers = (forwardedFor: string, socket = "192.0.2.70") => new Headers({ [SOCKET_ADDRESS_HEADER]: socket, "x-forwarded-for": forwardedFor });

  it("ignores X-Forwarded-For without trusted proxies", () => {
    expect(clientAddress(headers("10.9.9.9"), 0)).toBe("192.0.2.70");
    expect(clientAddress(headers("10.9.9.9, 10.8.8.8"), 0)).toBe("192.0.2.70");
  });

  it("takes the n-th entry from the right with n trusted proxies, never what the client wrote left of it", () => {
    expect(clientAddress(headers("6.6.6.6, 198.51.100.7"), 1)).toBe("198.51.100.7");
    expect(clientAddress(headers("6.6.6.6, 198.51.100.7, 10.0.0.2"), 2)).toBe("198.51.100.7");
    expect(clientAddress(headers("198.51.100.7"), 2)).toBe("192.0.2.70"); // went round a proxy
    expect(clientAddress(headers("6.6.6.6, not-an-address"), 1)).toBe("192.0.2.70");
  });

  it("reads the setting strictly", () => {
    expect([undefined, "", "0", "2", " 1 ", "-1", "1.5", "lots", "99"].map(trustedProxyHops)).toEqual([0, 0, 0, 2, 1, 0, 0, 0, 0]);
  });

  it("counts IPv6 by its /64 and IPv4-mapped addresses as IPv4", () => {
    expect(addressKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:0db8:0001:0002:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(addressKey("::1")).toBe("0:0:0:0::/64");
    expect(addressKey("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(addressKey("[2001:db8::1]")).toBe("2001:db8:0:0::/64");
    expect(addressKey("evil.example")).toBeNull();
  });

  it("is stamped by the server from the socket, whatever the client sent", async () => {
    let seen: string | undefined;
    const server = http.createServer((req, res) => {
      seen = clientAddress(new Headers(req.headers as Record<string, string>), 0);
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    await fetch(`http://127.0.0.1:${port}/`, { headers: { [SOCKET_ADDRESS_HEADER]: "6.6.6.6", "x-forwarded-for": "6.6.6.6" } });
    await new Promise((resolve) => server.close(resolve));
    expect(seen).toBe("127.0.0.1");
  });
});
