"use client";
import { Download } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { downloadExport } from "@/lib/transfer/client";
import { errorText } from "@/components/keys/error-text";

export interface ExportButtonProps {
  cluster: string;
  /** A directory (its whole subtree is exported) or a key. */
  keyPath: string;
}

/** Downloads `keyPath` as an export file, saying how it went in a toast (the button and the tree's menu). */
export async function exportWithToast(cluster: string, keyPath: string): Promise<void> {
  try {
    const name = await downloadExport(cluster, keyPath);
    toast.success(`Exported ${keyPath} to ${name}`);
  } catch (caught) {
    toast.error(`Export of ${keyPath} failed: ${errorText(caught, "load", keyPath).message}`);
  }
}

/** Downloads `keyPath` as an export file (README "Export and import"); anyone who can read it may. */
export function ExportButton({ cluster, keyPath }: ExportButtonProps) {
  const [busy, setBusy] = useState(false);
  async function run() {
    setBusy(true);
    await exportWithToast(cluster, keyPath);
    setBusy(false);
  }
  return (
    <Button onClick={() => void run()} disabled={busy}>
      <Download aria-hidden size={14} /> {busy ? "Exporting…" : "Export"}
    </Button>
  );
}
