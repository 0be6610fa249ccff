"use client";
import { useState, type ReactNode } from "react";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/field";
import type { ErrorText } from "@/lib/editor/error-text";
import { authErrorText } from "./error-text";

/** One change at a time: busy while it runs, its error in plain words afterwards. */
export function useAuthAction() {
  const t = useTranslations("etcdAuth");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorText | null>(null);
  async function run(change: () => Promise<void>): Promise<boolean> {
    setBusy(true);
    setError(null);
    try {
      await change();
      return true;
    } catch (caught) {
      setError(authErrorText(caught, t("checkLists")));
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, run, clearError: () => setError(null) };
}

/** The error, then Cancel and the action, at the foot of a dialog. */
export function DialogActions({ error, busy, onCancel, children, submit = false, disabled, variant = "primary", onAction }: { error: ErrorText | null; busy: boolean; onCancel: () => void; children: ReactNode; submit?: boolean; disabled?: boolean; variant?: "primary" | "danger"; onAction?: () => void }) {
  const t = useTranslations("etcdAuth");
  return (
    <>
      <ErrorNote error={error} />
      <div className="flex justify-end gap-2">
        <Button onClick={onCancel} disabled={busy}>
          {t("cancel")}
        </Button>
        <Button type={submit ? "submit" : "button"} variant={variant} onClick={onAction} disabled={busy || disabled}>
          {children}
        </Button>
      </div>
    </>
  );
}
