import { Suspense } from "react";
import { KeyBrowser } from "@/components/keys/key-browser";

export const dynamic = "force-dynamic";

// /keys/a/b opens the tree at /a/b and selects it; the cluster comes from ?cluster= (default: "default").
export default async function KeysPage({ params }: { params: Promise<{ key?: string[] }> }) {
  const { key } = await params;
  const selectedKey = "/" + (key ?? []).join("/");
  return (
    <Suspense>
      <KeyBrowser selectedKey={selectedKey} />
    </Suspense>
  );
}
