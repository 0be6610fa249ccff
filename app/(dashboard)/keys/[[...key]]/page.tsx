import { Suspense } from "react";
import { KeyBrowser } from "@/components/keys/key-browser";

export const dynamic = "force-dynamic";

// /keys/a/b opens the tree at /a/b and selects it; the cluster comes from ?cluster= (default: "default").
export default async function KeysPage({ params }: { params: Promise<{ key?: string[] }> }) {
  const { key } = await params;
  // Next.js hands catch-all segments over still percent-encoded ("a%20b"): decode each one.
  const selectedKey = "/" + (key ?? []).map(decodeSegment).join("/");
  return (
    <Suspense>
      <KeyBrowser selectedKey={selectedKey} />
    </Suspense>
  );
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
