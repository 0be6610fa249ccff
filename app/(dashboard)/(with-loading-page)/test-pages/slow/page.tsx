import { notFound } from "next/navigation";
import { setTimeout as sleep } from "node:timers/promises";
import { slowPageDelayMs, testPagesEnabled } from "@/lib/test-pages";

export const dynamic = "force-dynamic";

// /test-pages/slow?ms=1500: a page slow to render, for e2e/app-states.spec.ts only (lib/test-pages.ts).
export default async function SlowTestPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (!testPagesEnabled(process.env)) notFound();
  await sleep(slowPageDelayMs((await searchParams).ms));
  return (
    <main className="p-8">
      <h1 className="text-2xl font-semibold">Slow test page</h1>
    </main>
  );
}
