import { Suspense, type ReactNode } from "react";
import { KeyBrowserFromUrl } from "@/components/keys/key-browser-from-url";
import { LiveKeysProvider } from "@/components/keys/live-keys-provider";

// The keys pages share one live stream and one key browser: this layout stays mounted while the selected
// key (the page) changes, so neither is reopened or remounted by a navigation.
export default function KeysLayout({ children }: { children: ReactNode }) {
  return (
    <Suspense>
      <LiveKeysProvider>
        <KeyBrowserFromUrl />
        {children}
      </LiveKeysProvider>
    </Suspense>
  );
}
