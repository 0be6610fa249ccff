import { Suspense, type ReactNode } from "react";
import { LiveKeysProvider } from "@/components/keys/live-keys-provider";

// The keys pages share one live stream: this layout stays mounted while the selected key (the page) changes.
export default function KeysLayout({ children }: { children: ReactNode }) {
  return (
    <Suspense>
      <LiveKeysProvider>{children}</LiveKeysProvider>
    </Suspense>
  );
}
