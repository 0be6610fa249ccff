import { describe, expect, it } from "vitest";
import { SessionStore } from "./session-store";

const alice = { name: "alice", role: "editor" as const };

describe("SessionStore", () => {
  it("finds a session by its id until it expires", () => {
    let now = 1_000;
    const store = new SessionStore(() => now);
    const id = store.create(alice, 60_000);
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(store.get(id)?.user).toEqual(alice);
    now += 59_999;
    expect(store.get(id)?.user).toEqual(alice);
    now += 1;
    expect(store.get(id)).toBeUndefined();
    expect(store.size).toBe(0);
  });

  it("forgets a session at logout, and knows no made-up id", () => {
    const store = new SessionStore();
    const id = store.create(alice, 60_000);
    store.delete(id);
    expect(store.get(id)).toBeUndefined();
    expect(store.get("made-up")).toBeUndefined();
  });

  it("gives every login its own id and drops expired sessions when a new one is made", () => {
    let now = 0;
    const store = new SessionStore(() => now);
    const first = store.create(alice, 10);
    const second = store.create(alice, 1_000);
    expect(first).not.toBe(second);
    now = 100;
    store.create(alice, 1_000);
    expect(store.size).toBe(2);
  });
});

describe("SessionStore: idle timeout and ends", () => {
  it("ends a session unused for the idle time; each use starts the wait again", () => {
    let now = 0;
    const store = new SessionStore(() => now, () => 1_000);
    const id = store.create(alice, 60_000);
    now = 999;
    expect(store.get(id)).toBeDefined();
    now = 1_998;
    expect(store.get(id)).toBeDefined();
    now = 2_998;
    expect(store.get(id)).toBeUndefined();
  });

  it("aborts a session's end signal at logout, at expiry (sweep) and when its user's sessions are ended", () => {
    let now = 0;
    const store = new SessionStore(() => now);
    const loggedOut = store.create(alice, 60_000);
    const expiring = store.create(alice, 10);
    const bob = store.create({ name: "bob", role: "viewer" }, 60_000);
    const signals = [loggedOut, expiring, bob].map((id) => store.endSignal(id)!);
    store.delete(loggedOut);
    expect(signals.map((s) => s.aborted)).toEqual([true, false, false]);
    now = 10;
    store.sweep();
    expect(signals.map((s) => s.aborted)).toEqual([true, true, false]);
    expect(store.deleteWhere((user) => user.name === "bob")).toBe(1);
    expect(signals[2]!.aborted).toBe(true);
    expect(store.endSignal(bob)).toBeUndefined();
  });
});
