// Which Keys page the Chromium bench opens, and how its tree names the rows it watches: the v2 page
// (`/keys/bench/hundred`, rows' data-key the key) or the v3 page (`/keys?keyspace=v3&dir=/bench/hundred/`, rows'
// data-key the row id `k:<key>` / `d:<prefix>`, lib/tree3/listings3.ts rowIdOf). bench/tree-render.ts measures
// either the same way. Pure.
import { keyPageHref, DEFAULT_CLUSTER_NAME } from "../lib/keys-url";
import { keyDisplay } from "../lib/keyspace3/key-bytes";
import { v3KeysPageHref } from "../lib/keyspace3/key-url";
import { rowIdOf } from "../lib/tree3/listings3";
import { benchKeyName } from "./fill";

export interface TreePage {
  /** For the log: the directory as its keyspace writes it. */
  label: string;
  /** The page's path and query (the dashboard's origin goes before it). */
  path: string;
  /** data-key of the directory's own row. */
  dirRow: string;
  /** data-key of its first and last child (bench keys k000000 … in order). */
  firstChildRow: string;
  lastChildRow: string;
  /** Every child row's data-key starts with this (and no other row's does). */
  childRowPrefix: string;
  /** How many children the directory holds (the last child's aria-posinset). */
  children: number;
}

/** The v2 Keys page of `dir` ("/bench/hundred"), which holds `count` bench keys. */
export function v2TreePage(dir: string, count: number): TreePage {
  const child = (i: number) => `${dir}/${benchKeyName(i)}`;
  return { label: dir, path: keyPageHref(DEFAULT_CLUSTER_NAME, dir), dirRow: dir, firstChildRow: child(0), lastChildRow: child(count - 1), childRowPrefix: `${dir}/`, children: count };
}

/** The v3 Keys page of the prefix `dir` ("/bench/hundred/", ending with "/"), which holds `count` bench keys. */
export function v3TreePage(dir: string, count: number): TreePage {
  if (!dir.endsWith("/")) throw new Error(`a v3 directory ends with "/": ${dir}`);
  const prefix = new TextEncoder().encode(dir);
  const leafRow = (i: number) => rowIdOf({ kind: "leaf", key: keyDisplay(new TextEncoder().encode(dir + benchKeyName(i))) });
  return {
    label: `v3 ${dir}`,
    path: v3KeysPageHref(DEFAULT_CLUSTER_NAME, { kind: "dir", prefix }),
    dirRow: rowIdOf({ kind: "dir", key: keyDisplay(prefix) }),
    firstChildRow: leafRow(0),
    lastChildRow: leafRow(count - 1),
    childRowPrefix: rowIdOf({ kind: "leaf", key: keyDisplay(prefix) }),
    children: count,
  };
}
