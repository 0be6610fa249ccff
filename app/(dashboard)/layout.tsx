import { Suspense, type ReactNode } from "react";
import { Toaster } from "sonner";
import { Sidebar } from "@/components/layout/sidebar";

export default function DashboardLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-screen">
      <Suspense>
        <Sidebar />
      </Suspense>
      <div className="min-w-0 flex-1">{children}</div>
      <Toaster position="bottom-right" richColors closeButton />
    </div>
  );
}
