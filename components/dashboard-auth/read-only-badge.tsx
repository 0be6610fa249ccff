"use client";
import { Lock } from "lucide-react";
import { useAccess } from "@/lib/hooks/use-access";

/** Says plainly when nothing can be changed on this cluster, and why: the configuration or the role. */
export function ReadOnlyBadge({ cluster }: { cluster: string }) {
  const { readOnly, can } = useAccess(cluster);
  if (!readOnly && can("editor")) return null;
  const why = readOnly ? "writes to this cluster are switched off in the dashboard's configuration" : "your role (viewer) may browse, watch and read stats only";
  return (
    <p role="status" aria-label="Read-only" title={why} className="flex items-center gap-1 rounded-md bg-sky-50 px-2 py-1 text-xs text-sky-900 dark:bg-sky-950 dark:text-sky-100">
      <Lock aria-hidden size={12} /> Read-only: {why}
    </p>
  );
}
