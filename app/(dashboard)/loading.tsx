"use client";
import { usePathname } from "next/navigation";
import { KeysPageSkeleton, PageSkeleton } from "@/components/layout/shell-skeleton";

// Within the dashboard the real sidebar stays (its layout is above this boundary): only the page is grey,
// in the shape of the page that is coming (the Keys page has its own), so that little moves when it arrives.
export default function Loading() {
  const pathname = usePathname();
  return pathname === "/keys" || pathname.startsWith("/keys/") ? <KeysPageSkeleton /> : <PageSkeleton />;
}
