import type { ReactNode } from "react";

// The dashboard's boxes, shared by the real shell (app/(dashboard)/layout.tsx, the sidebar) and the loading
// skeletons (app/loading.tsx), so that the page does not move when the real one replaces the skeleton.

/** The sidebar beside the page, the page taking the rest of the width. */
export function ShellFrame({ sidebar, children }: { sidebar: ReactNode; children: ReactNode }) {
  return (
    <div className="flex min-h-screen">
      {sidebar}
      <div className="min-w-0 flex-1">{children}</div>
    </div>
  );
}

/** The sidebar's column. */
export function SidebarFrame({ children }: { children: ReactNode }) {
  return <aside className="flex w-56 shrink-0 flex-col gap-4 border-r border-zinc-200 p-4 dark:border-zinc-800">{children}</aside>;
}
