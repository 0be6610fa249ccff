import { describe, expect, it } from "vitest";
import { TokenCache } from "./auth-token";

function counting(tokens: string[]) {
  let calls = 0;
  const authenticate = async () => {
    const token = tokens[calls] ?? "none";
    calls += 1;
    await new Promise((r) => setTimeout(r, 5));
    if (token === "fail") throw new Error("refused");
    return token;
  };
  return { authenticate, calls: () => calls };
}

describe("TokenCache", () => {
  it("shares one Authenticate between concurrent callers and caches the token", async () => {
    const auth = counting(["t1"]);
    const cache = new TokenCache(auth.authenticate);
    expect(await Promise.all([cache.get(), cache.get(), cache.get()])).toEqual(["t1", "t1", "t1"]);
    expect(await cache.get()).toBe("t1");
    expect(auth.calls()).toBe(1);
  });

  it("fetches a new token once the old one is invalidated, once for all who saw it fail", async () => {
    const auth = counting(["t1", "t2"]);
    const cache = new TokenCache(auth.authenticate);
    await cache.get();
    await Promise.all([cache.invalidate("t1"), cache.invalidate("t1")]);
    expect(await Promise.all([cache.get(), cache.get()])).toEqual(["t2", "t2"]);
    await cache.invalidate("t1"); // stale news: t2 stays
    expect(await cache.get()).toBe("t2");
    expect(auth.calls()).toBe(2);
  });

  it("does not cache a failed Authenticate", async () => {
    const auth = counting(["fail", "t2"]);
    const cache = new TokenCache(auth.authenticate);
    await expect(cache.get()).rejects.toThrow("refused");
    expect(await cache.get()).toBe("t2");
  });
});
