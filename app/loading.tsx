import { ShellFrame } from "@/components/layout/shell-frame";
import { PageSkeleton, SidebarSkeleton } from "@/components/layout/shell-skeleton";

// Shown while a page's server part is still on its way: the dashboard's shell in grey boxes.
export default function Loading() {
  return (
    <ShellFrame sidebar={<SidebarSkeleton />}>
      <PageSkeleton />
    </ShellFrame>
  );
}
