import { PageSkeleton } from "@/components/layout/page-skeleton";

// Shown while a page of this group is still on its way from the server (the sidebar, in the layout above,
// stays). The Keys page is outside this group on purpose: a Suspense boundary above it would take the tree's
// server-rendered first rows out of the first paint (README, Architecture, "Error and loading pages").
export default function Loading() {
  return <PageSkeleton />;
}
