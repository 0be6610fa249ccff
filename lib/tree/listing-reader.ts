// Reads the listings the key tree holds, through the app's SWR cache but without a mounted useSWR per
// directory (lib/hooks/use-listings.ts binds it to React). A held listing shows what the cache has for it,
// follows every write of its entry (a read elsewhere, a live event), is read when the cache has no data for it
// and again whenever the app revalidates its key (lib/swr/revalidate.ts). No React.
import type { ApiError } from "@/lib/api/errors";
import type { KeyResponse } from "@/lib/api/types";
import type { ObservableCache } from "@/lib/swr/observable-cache";
import type { ListingState } from "./flatten";
import { listingOfRead } from "./listings";

interface ListingReaderDeps {
  cache: ObservableCache;
  swrKeyOf: (dir: string) => string;
  /** Reads `dir` (sharing a read of its key in flight, brought up to date with live events). */
  read: (dir: string) => Promise<KeyResponse>;
  /** Puts a read into the cache as its key's data (which reaches the tree through the cache). */
  write: (swrKey: string, data: KeyResponse) => void;
  /** Registers a re-read of `swrKey` for the app's revalidations; returns the unregister function. */
  onRevalidate: (swrKey: string, reread: () => Promise<unknown>) => () => void;
  /** A listing to show. */
  onListing: (dir: string, listing: ListingState) => void;
  /** A read failed: report it, and call `retry` if it should be tried again (`retryCount` so far). */
  onReadError: (swrKey: string, error: unknown, retry: () => void, retryCount: number) => void;
}

export function createListingReader(deps: ListingReaderDeps) {
  /** The held directories, each with what to undo when it is let go. */
  const held = new Map<string, () => void>();
  /** Per directory, its latest read: a retry of an older one is not needed any more. */
  const reads = new Map<string, number>();

  const show = (dir: string, error?: unknown) => {
    const entry = deps.cache.get(deps.swrKeyOf(dir));
    const listing = listingOfRead(dir, entry?.data as KeyResponse | undefined, (error ?? entry?.error) as ApiError | undefined);
    if (listing) deps.onListing(dir, listing);
  };

  const read = async (dir: string, retryCount = 0): Promise<void> => {
    if (!held.has(dir)) return;
    const swrKey = deps.swrKeyOf(dir);
    const id = (reads.get(dir) ?? 0) + 1;
    reads.set(dir, id);
    try {
      deps.write(swrKey, await deps.read(dir));
    } catch (error) {
      if (!held.has(dir) || reads.get(dir) !== id) return;
      show(dir, error);
      deps.onReadError(swrKey, error, () => reads.get(dir) === id && void read(dir, retryCount + 1), retryCount + 1);
    }
  };

  const hold = (dir: string) => {
    const swrKey = deps.swrKeyOf(dir);
    const unwatch = deps.cache.watch(swrKey, () => show(dir));
    const unregister = deps.onRevalidate(swrKey, () => read(dir));
    held.set(dir, () => {
      unwatch();
      unregister();
      reads.delete(dir);
    });
    show(dir);
    if (deps.cache.get(swrKey)?.data === undefined) void read(dir);
  };

  return {
    /** Holds exactly `dirs`: the new ones show what the cache has (and are read if it has no data), the others are let go. */
    holdOnly(dirs: readonly string[]) {
      const wanted = new Set(dirs);
      for (const [dir, letGo] of held) {
        if (wanted.has(dir)) continue;
        held.delete(dir);
        letGo();
      }
      for (const dir of wanted) if (!held.has(dir)) hold(dir);
    },
  };
}
