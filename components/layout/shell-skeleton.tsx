import type { ReactNode } from "react";
import { Skeleton } from "@/components/ui/skeleton";
import { SidebarFrame } from "./shell-frame";

/** Announced once as "Loading" (role status); the boxes inside are hidden from assistive technology. */
export function LoadingRegion({ children, className = "" }: { children: ReactNode; className?: string }) {
  return (
    <div role="status" aria-label="Loading" aria-busy="true" className={className}>
      <span className="sr-only">Loading…</span>
      {children}
    </div>
  );
}

/** The sidebar's parts at their real heights: title and theme, palette, cluster, connection, the pages. */
export function SidebarSkeleton() {
  return (
    <SidebarFrame>
      <div className="flex h-7 items-center justify-between">
        <Skeleton className="h-5 w-28" />
        <Skeleton className="h-7 w-7" />
      </div>
      <Skeleton className="h-[30px] w-full" />
      <div className="flex flex-col gap-1">
        <Skeleton className="h-4 w-12" />
        <Skeleton className="h-[30px] w-full" />
      </div>
      <Skeleton className="h-6 w-full" />
      <div className="space-y-1">
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} className="h-8 w-full" />
        ))}
      </div>
    </SidebarFrame>
  );
}

/** A page's heading and first blocks, in the padding the pages use. */
export function PageSkeleton() {
  return (
    <LoadingRegion className="space-y-6 p-8">
      <Skeleton className="h-8 w-48" />
      <Skeleton className="h-24 w-full max-w-3xl" />
      <Skeleton className="h-24 w-full max-w-3xl" />
    </LoadingRegion>
  );
}

/**
 * The Keys page's boxes (components/keys/key-browser.tsx: the tree's column and the selected key's panel):
 * a document load of /keys waits here for the tree's first rows (app/(dashboard)/keys/layout.tsx), briefly.
 */
export function KeysPageSkeleton() {
  return (
    <LoadingRegion className="flex h-screen min-h-0">
      <div className="flex w-96 shrink-0 flex-col gap-2 border-r border-zinc-200 p-2 dark:border-zinc-800">
        <Skeleton className="h-[30px] w-full" />
        {[0, 1, 2, 3, 4].map((i) => (
          <Skeleton key={i} className="h-5 w-2/3" />
        ))}
      </div>
      <div className="min-w-0 flex-1 space-y-4 p-6">
        <Skeleton className="h-7 w-64" />
        <Skeleton className="h-48 w-full" />
      </div>
    </LoadingRegion>
  );
}
