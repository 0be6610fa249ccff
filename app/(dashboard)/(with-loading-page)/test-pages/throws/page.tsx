import { notFound } from "next/navigation";
import { testPagesEnabled } from "@/lib/test-pages";

export const dynamic = "force-dynamic";

// /test-pages/throws: a page that fails on the server, for e2e/app-states.spec.ts only (lib/test-pages.ts).
export default function ThrowingTestPage() {
  if (!testPagesEnabled(process.env)) notFound();
  throw new Error("test page failure: this text stays in the server's log");
}
