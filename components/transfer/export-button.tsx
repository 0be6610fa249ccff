"use client";
import { Download } from "lucide-react";
import { useCallback, useState } from "react";
import { toast } from "sonner";
import { useTranslations } from "use-intl";
import { useErrorText } from "@/components/errors/use-error-text";
import { Button } from "@/components/ui/button";
import { downloadExport } from "@/lib/transfer/client";
import { errorText } from "@/components/keys/error-text";

export interface ExportButtonProps {
  cluster: string;
  /** A directory (its whole subtree is exported) or a key. */
  keyPath: string;
}

/** Downloads `keyPath` as an export file, saying how it went in a toast (the button and the tree's menu). */
export function useExportWithToast(): (cluster: string, keyPath: string) => Promise<void> {
  const t = useTranslations("transfer.export");
  const words = useErrorText();
  return useCallback(
    async (cluster: string, keyPath: string) => {
      try {
        const name = await downloadExport(cluster, keyPath);
        toast.success(t("done", { key: keyPath, file: name }));
      } catch (caught) {
        toast.error(t("failed", { key: keyPath, error: words(errorText(caught, "load", keyPath)) }));
      }
    },
    [t, words],
  );
}

/** Downloads `keyPath` as an export file (README "Export and import"); anyone who can read it may. */
export function ExportButton({ cluster, keyPath }: ExportButtonProps) {
  const t = useTranslations("transfer.export");
  const exportWithToast = useExportWithToast();
  const [busy, setBusy] = useState(false);
  async function run() {
    setBusy(true);
    await exportWithToast(cluster, keyPath);
    setBusy(false);
  }
  return (
    <Button onClick={() => void run()} disabled={busy}>
      <Download aria-hidden size={14} /> {busy ? t("busy") : t("button")}
    </Button>
  );
}
