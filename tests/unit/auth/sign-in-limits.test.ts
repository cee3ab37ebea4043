import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { authorizePassword } from "@/lib/auth/authorize-password";
import { SOCKET_ADDRESS_HEADER, addressKey, clientAddress, trustedProxyAddresses, trustedProxyHops, type ProxyTrust } from "@/lib/auth/client-address";
import { hashPassword } from "@/lib/auth/password";
import { SIGN_IN_LIMITS } from "@/lib/auth/sign-in-limits";
import { installSocketAddressStamp } from "@/lib/auth/socket-address";
import { createDatabase } from "@/lib/db/create-database";
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

/** The proxy the tests that stub CLAIMDESK_TRUSTED_PROXY_ADDRESSES trust. */
const PROXY = "127.0.0.2";
afterEach(() => vi.unstubAllEnvs());
const trustProxy = () => {
  vi.stubEnv("CLAIMDESK_TRUSTED_PROXIES", "1");
  vi.stubEnv("CLAIMDESK_TRUSTED_PROXY_ADDRESSES", PROXY);
};

describe("the per-account limit", () => {
  it("checks at most 5 of 40 wrong passwords sent at once, and the right one in the burst does not sign in", async () => {
    // Each from its own address (through the proxy), so only the account's count can hold them back.
    trustProxy();
    const email = await account();
    const burst = Array.from({ length: 40 }, (_, n) => attempt(email, `wrong-${n}`, request(PROXY, `10.0.${n}.1`)));
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

  describe("behind a proxy trusted by address (CLAIMDESK_TRUSTED_PROXY_ADDRESSES)", () => {
    it("are not reset by a client that goes round the proxy and rotates X-Forwarded-For", async () => {
      trustProxy();
      const outcomes = [];
      for (let n = 0; n < 25; n++) outcomes.push(await attempt(nobody(), "guess", request("203.0.113.31", `10.2.${n}.1`)));
      expect(outcomes.slice(0, SIGN_IN_LIMITS.accountsPerAddress).every((o) => o === null)).toBe(true);
      expect(outcomes.slice(SIGN_IN_LIMITS.accountsPerAddress).every((o) => o === "rate_limited")).toBe(true);
      expect(await temp.db.signInAttempt.count({ where: { address: "203.0.113.31" } })).toBe(SIGN_IN_LIMITS.accountsPerAddress);
    });

    it("count each client through the proxy under the address the proxy appended", async () => {
      trustProxy();
      const email = await account();
      // A guesser through the proxy, writing its own X-Forwarded-For left of the proxy's entry.
      for (let n = 0; n < SIGN_IN_LIMITS.perAccountFromAddress; n++) expect(await attempt(email, "guess", request(PROXY, `10.3.${n}.1, 198.51.100.30`))).toBeNull();
      expect(await temp.db.signInAttempt.findMany({ where: { email }, distinct: ["address"], select: { address: true } })).toEqual([{ address: "198.51.100.30" }]);
      // Another client of the same proxy is not in the guesser's bucket for the address limit.
      for (let n = 0; n < SIGN_IN_LIMITS.accountsPerAddress; n++) await attempt(nobody(), "guess", request(PROXY, "198.51.100.31"));
      const colleague = await account();
      expect(await attempt(colleague, PASSWORD, request(PROXY, "198.51.100.32"))).toMatchObject({ email: colleague });
      expect(await attempt(await account(), PASSWORD, request(PROXY, "198.51.100.31"))).toBe("rate_limited");
    });

    it("ignore X-Forwarded-For when only the hop count is set", async () => {
      vi.stubEnv("CLAIMDESK_TRUSTED_PROXIES", "1");
      vi.stubEnv("CLAIMDESK_TRUSTED_PROXY_ADDRESSES", "");
      const email = nobody();
      await attempt(email, "guess", request("203.0.113.32", "198.51.100.33"));
      expect(await temp.db.signInAttempt.findMany({ where: { email }, select: { address: true } })).toEqual([{ address: "203.0.113.32" }]);
    });
  });

  it("try at most 10 new accounts from one address of 40 sent at once to two servers", async () => {
    // A second client on the same database, as a second app server would be: more attempts in
    // flight. Three rounds, as one round can miss a race that is there.
    const other = createDatabase(temp.url);
    try {
      for (const address of ["203.0.113.35", "203.0.113.36", "203.0.113.37"]) {
        const spray = Array.from({ length: 40 }, (_, n) => authorizePassword(n % 2 ? other : temp.db, { email: nobody(), password: "guess" }, request(address)));
        const outcomes = await Promise.all(spray);
        expect(await temp.db.signInAttempt.count({ where: { address } })).toBe(SIGN_IN_LIMITS.accountsPerAddress);
        expect(outcomes.filter((o) => o === "rate_limited")).toHaveLength(40 - SIGN_IN_LIMITS.accountsPerAddress);
      }
    } finally {
      await other.$disconnect();
    }
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
  const NGINX = "192.0.2.70";
  const headers = (forwardedFor: string, socket = NGINX) => new Headers({ [SOCKET_ADDRESS_HEADER]: socket, "x-forwarded-for": forwardedFor });
  const behind = (hops: number, ...addresses: string[]): ProxyTrust => ({ hops, addresses: trustedProxyAddresses(addresses.join(",")) });

  it("ignores X-Forwarded-For without trusted proxies", () => {
    expect(clientAddress(headers("10.9.9.9"), behind(0))).toBe(NGINX);
    expect(clientAddress(headers("10.9.9.9, 10.8.8.8"), behind(0, NGINX))).toBe(NGINX);
  });

  it("takes the n-th entry from the right of what the trusted proxy sent, never what the client wrote left of it", () => {
    expect(clientAddress(headers("6.6.6.6, 198.51.100.7"), behind(1, NGINX))).toBe("198.51.100.7");
    expect(clientAddress(headers("6.6.6.6, 198.51.100.7, 10.0.0.2"), behind(2, "10.0.0.9", NGINX))).toBe("198.51.100.7");
    expect(clientAddress(headers("198.51.100.7"), behind(2, NGINX))).toBe(NGINX); // went round a proxy
    expect(clientAddress(headers("6.6.6.6, not-an-address"), behind(1, NGINX))).toBe(NGINX);
  });

  it("does not let a client that connects from anywhere but the proxy choose its address", () => {
    // Straight to the server, round the proxy: the header is the client's own.
    expect(clientAddress(headers("198.51.100.8", "203.0.113.9"), behind(1, NGINX))).toBe("203.0.113.9");
    expect(clientAddress(headers("198.51.100.8, 198.51.100.9", "203.0.113.9"), behind(2, NGINX))).toBe("203.0.113.9");
    // From the proxy's /64 but not the proxy: trust is by exact address.
    expect(clientAddress(headers("198.51.100.8", "2001:db8::2"), behind(1, "2001:db8::1"))).toBe("2001:db8:0:0::/64");
    // A hop count without addresses trusts nobody, not everybody.
    expect(clientAddress(headers("198.51.100.8", "203.0.113.9"), behind(1))).toBe("203.0.113.9");
    expect(clientAddress(headers("198.51.100.8"), behind(1))).toBe(NGINX);
  });

  it("recognises the proxy however its address is spelt", () => {
    expect(clientAddress(headers("198.51.100.7", "::ffff:127.0.0.2"), behind(1, "127.0.0.2"))).toBe("198.51.100.7");
    expect(clientAddress(headers("198.51.100.7", "2001:0db8::0001"), behind(1, "[2001:db8::1]"))).toBe("198.51.100.7");
  });

  it("reads the settings strictly", () => {
    expect([undefined, "", "0", "2", " 1 ", "-1", "1.5", "lots", "99"].map(trustedProxyHops)).toEqual([0, 0, 0, 2, 1, 0, 0, 0, 0]);
    expect([...trustedProxyAddresses(" 127.0.0.2, proxy.internal,,::1 ")]).toEqual(["127.0.0.2", "0:0:0:0:0:0:0:1"]);
    expect(trustedProxyAddresses(undefined).size).toBe(0);
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
      seen = clientAddress(new Headers(req.headers as Record<string, string>), behind(0));
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    await fetch(`http://127.0.0.1:${port}/`, { headers: { [SOCKET_ADDRESS_HEADER]: "6.6.6.6", "x-forwarded-for": "6.6.6.6" } });
    await new Promise((resolve) => server.close(resolve));
    expect(seen).toBe("127.0.0.1");
  });
});
