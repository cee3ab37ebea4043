import { describe, expect, it } from "vitest";
import { ReadingCache } from "@/lib/reading/reading-cache";

type Value = { size: number; n: number };

describe("ReadingCache", () => {
  it("builds a version once, shares a build between concurrent requests, and rebuilds after the TTL", async () => {
    let now = 0;
    let builds = 0;
    const cache = new ReadingCache<Value>({ maxSize: 100, ttlMs: 1000, now: () => now });
    const build = async () => ({ size: 1, n: ++builds });
    const [a, b] = await Promise.all([cache.get("v1", build), cache.get("v1", build)]);
    expect([a.n, b.n, builds]).toEqual([1, 1, 1]);
    now = 999;
    expect((await cache.get("v1", build)).n).toBe(1);
    now = 1000;
    expect((await cache.get("v1", build)).n).toBe(2);
  });

  it("a new version stamp is a new entry; the least recently used go when over budget", async () => {
    const cache = new ReadingCache<Value>({ maxSize: 10, ttlMs: 60_000 });
    let builds = 0;
    const build = (size: number) => async () => ({ size, n: ++builds });
    await cache.get("a", build(4));
    await cache.get("b", build(4));
    await cache.get("a", build(4)); // a is now the most recent
    await cache.get("c", build(4)); // 12 > 10: b goes
    expect(builds).toBe(3);
    await cache.get("a", build(4));
    expect(builds).toBe(3);
    await cache.get("b", build(4));
    expect(builds).toBe(4);
  });

  it("does not keep a failed build", async () => {
    const cache = new ReadingCache<Value>({ maxSize: 10, ttlMs: 60_000 });
    await expect(cache.get("x", () => Promise.reject(new Error("database busy")))).rejects.toThrow("database busy");
    expect((await cache.get("x", async () => ({ size: 1, n: 7 }))).n).toBe(7);
  });
});
