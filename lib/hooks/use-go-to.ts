"use client";
// What a typed key path ("/apps/web/co") leads to, for Go to key and the command palette: the completions
// from the listing of the directory typed so far, and whether the path itself exists. A path that does not
// exist comes with its nearest siblings and its nearest existing ancestor ("did you mean …").
import { useMemo } from "react";
import useSWR from "swr";
import { ApiError } from "@/lib/api/errors";
import type { V2Node } from "@/lib/etcd/wire";
import { baseNameOf, keyProblem, parentOf } from "@/lib/key-path";
import { completionTarget, completionsFor, normalizeGoTo, type Completion } from "@/lib/tree/complete";
import { nearestSiblings } from "@/lib/tree/did-you-mean";
import { keyReads, keySwrKey, useKey } from "./use-key";

const NO_CHILDREN: V2Node[] = [];

export type GoToTarget =
  /** Nothing typed, or not a valid key path. */
  | { state: "none" }
  /** Not known yet (the listing is loading or failed for another reason than not found). */
  | { state: "unknown"; key: string }
  | { state: "exists"; key: string }
  | { state: "missing"; key: string; suggestions: Completion[]; ancestor: string | null };

const isNotFound = (error: unknown) => error instanceof ApiError && error.code === "key_not_found";

/** The deepest ancestor of `key` that exists (its listing reads), "/" at worst. */
async function nearestExisting(cluster: string, key: string): Promise<string> {
  for (let candidate = parentOf(key); ; candidate = parentOf(candidate)) {
    if (candidate === "/") return "/";
    try {
      await keyReads.read(keySwrKey(cluster, candidate));
      return candidate;
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
}

export function useGoTo(cluster: string, input: string, limit = 50) {
  const isPath = input.trim() !== "";
  const { dir, prefix } = completionTarget(input);
  const listing = useKey(cluster, isPath && keyProblem(dir) === null ? dir : null);
  const node = listing.data?.node;
  const children = node?.dir ? (node.nodes ?? NO_CHILDREN) : NO_CHILDREN;
  const { options, total } = useMemo(() => completionsFor(children, prefix, limit), [children, prefix, limit]);
  const key = isPath ? normalizeGoTo(input) : null;
  const dirMissing = isNotFound(listing.error);
  const ancestor = useSWR(key !== null && dirMissing ? ["nearest-existing", cluster, dir] : null, () => nearestExisting(cluster, dir), {
    revalidateOnFocus: false,
  });

  const target = useMemo((): GoToTarget => {
    if (key === null) return { state: "none" };
    if (dirMissing) return { state: "missing", key, suggestions: [], ancestor: ancestor.data ?? null };
    if (!node) return { state: "unknown", key };
    // The directory typed so far is a key, not a directory: "/a/file/x" can only mean /a/file.
    if (!node.dir) return key === node.key ? { state: "exists", key } : { state: "missing", key, suggestions: [], ancestor: node.key ?? null };
    if (prefix === "" || children.some((child) => child.key === key)) return { state: "exists", key };
    const suggestions = nearestSiblings(children, prefix).map((child) => ({ key: child.key, name: baseNameOf(child.key), isDir: child.dir === true }));
    return { state: "missing", key, suggestions, ancestor: dir };
  }, [key, dirMissing, ancestor.data, node, children, prefix, dir]);

  /** The listing could not be read, for another reason than not found. */
  const failed = listing.error !== undefined && !dirMissing;
  return { options, total, target, failed };
}
