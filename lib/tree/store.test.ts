import { describe, expect, it, vi } from "vitest";
import type { ListingState } from "./flatten";
import { IDLE_LISTING_MS } from "./release";
import { createTreeStore, treeStoreOf } from "./store";

const loaded = (...children: { key: string; dir?: boolean }[]): ListingState => ({ status: "loaded", children });

describe("createTreeStore", () => {
  it("tells subscribers of a change, not of an action that changed nothing", () => {
    const store = createTreeStore();
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    store.setOpen("/a", true);
    store.setOpen("/a", true);
    expect(listener).toHaveBeenCalledTimes(1);
    unsubscribe();
    store.setOpen("/a", false);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.getState().open.get("/a")).toBe(false);
  });

  it("mounts silently: a new tree reads the state before it subscribes", () => {
    const store = createTreeStore();
    const listener = vi.fn();
    store.subscribe(listener);
    store.mount("/a/b", null, "c");
    expect(listener).not.toHaveBeenCalled();
    expect(store.getState().open.get("/a")).toBe(true);
  });

  it("releases the listings idle on its clock, and says which", () => {
    let clock = 0;
    const store = createTreeStore(() => clock);
    store.listingRead("/", loaded({ key: "/big", dir: true }));
    store.listingRead("/big", loaded({ key: "/big/k" }));
    clock = IDLE_LISTING_MS;
    expect(store.releaseIdle(new Set(["/"]))).toEqual(["/big"]);
    expect([...store.getState().listings.keys()]).toEqual(["/"]);
  });
});

describe("treeStoreOf", () => {
  it("is a new store per call on the server, where a module-level one would be shared by every request", () => {
    expect(typeof window).toBe("undefined");
    expect(treeStoreOf("c")).not.toBe(treeStoreOf("c"));
  });
});
