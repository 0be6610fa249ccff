"use client";
import { useParams } from "next/navigation";
import { keyFromPageSegments } from "@/lib/keys-url";
import type { TreeSeed } from "@/lib/tree/seed";
import { KeyBrowser } from "./key-browser";

/**
 * The Keys page's browser, rendered by the keys layout so that it stays mounted while the selected key
 * (the URL) changes: a navigation re-renders the tree instead of remounting it, so a click or the keyboard
 * focus is never lost to a remount. /keys/a/b selects /a/b.
 */
export function KeyBrowserFromUrl({ seed }: { seed?: TreeSeed | null | Promise<TreeSeed | null> }) {
  const { key } = useParams<{ key?: string[] }>();
  return <KeyBrowser selectedKey={keyFromPageSegments(key)} seed={seed} />;
}
