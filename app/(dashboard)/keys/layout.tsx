import { headers } from "next/headers";
import type { ReactNode } from "react";
import { KeyBrowserFromUrl } from "@/components/keys/key-browser-from-url";
import { LiveKeysProvider } from "@/components/keys/live-keys-provider";
import { treeSeedForLayout } from "@/lib/api/server/tree-seed";

// The keys pages share one live stream and one key browser: this layout stays mounted while the selected
// key (the page) changes, so neither is reopened or remounted by a navigation.
//
// A document load also gets the tree's first screen rendered on the server (lib/tree/seed.ts): the first
// bytes of the page wait a little for the listings; when they take longer, the tree's rows follow in the same
// response.
export default async function KeysLayout({ children }: { children: ReactNode }) {
  const read = await treeSeedForLayout(await headers());
  const seed = "later" in read ? read.later : read.now;
  return (
    <LiveKeysProvider>
      <KeyBrowserFromUrl seed={seed} />
      {children}
    </LiveKeysProvider>
  );
}
