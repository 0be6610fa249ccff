import { describe, expect, it } from "vitest";
import { flattenTree, type ListingState } from "./flatten";
import { dirsInUse, IDLE_LISTING_MS, releaseIdle } from "./release";
import { EMPTY_TREE, listingRead, type TreeState } from "./tree-state";

const loaded = (...children: { key: string; dir?: boolean }[]): ListingState => ({ status: "loaded", children });

/** A tree that read "/", "/big" and "/big/sub" at `at`. */
function treeReadAt(at: number): TreeState {
  let state = listingRead(EMPTY_TREE, "/", loaded({ key: "/big", dir: true }, { key: "/small", dir: true }), at);
  state = listingRead(state, "/big", loaded({ key: "/big/sub", dir: true }), at);
  return listingRead(state, "/big/sub", loaded(), at);
}

describe("releaseIdle", () => {
  it("keeps listings in use, and idle ones until IDLE_LISTING_MS have passed", () => {
    let clock = 1_000;
    let { state, released } = releaseIdle(treeReadAt(clock), new Set(["/"]), (clock += IDLE_LISTING_MS - 1));
    expect(released).toEqual([]);
    ({ state, released } = releaseIdle(state, new Set(["/"]), (clock += 1)));
    expect(released.sort()).toEqual(["/big", "/big/sub"]);
    expect([...state.listings.keys()]).toEqual(["/"]);
    expect([...state.usedAt.keys()]).toEqual(["/"]);
  });

  it("counts idleness from the last time a listing was in use", () => {
    let clock = 0;
    let { state } = releaseIdle(treeReadAt(clock), new Set(["/", "/big"]), (clock += 50_000));
    ({ state } = releaseIdle(state, new Set(["/"]), (clock += 50_000)));
    expect(state.listings.has("/big")).toBe(true);
    expect(state.listings.has("/big/sub")).toBe(false);
    ({ state } = releaseIdle(state, new Set(["/"]), (clock += 10_000)));
    expect(state.listings.has("/big")).toBe(false);
  });

  it("starts the clock of a listing never marked (a first screen from the server) at the first check", () => {
    const seeded: TreeState = { ...EMPTY_TREE, listings: new Map([["/seeded", loaded()]]) };
    const first = releaseIdle(seeded, new Set(), 5_000);
    expect(first.released).toEqual([]);
    expect(releaseIdle(first.state, new Set(), 5_000 + IDLE_LISTING_MS).released).toEqual(["/seeded"]);
  });

  it("changes nothing when nothing is idle and no time was marked", () => {
    const state = treeReadAt(0);
    expect(releaseIdle(state, new Set(), 0).state).toBe(state);
  });
});

describe("dirsInUse", () => {
  it("is the open directories, the way to the selection and the directories shown", () => {
    const listings = treeReadAt(0).listings;
    const { rows, openDirs } = flattenTree({ listings, open: new Map() });
    expect([...dirsInUse(openDirs, "/x/y/z", rows)].sort()).toEqual(["/", "/big", "/small", "/x", "/x/y", "/x/y/z"]);
    expect([...dirsInUse(openDirs, "/", [])]).toEqual(["/"]);
  });
});
