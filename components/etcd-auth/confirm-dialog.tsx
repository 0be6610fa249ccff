"use client";
import type { ReactNode } from "react";
import { Dialog } from "@/components/ui/dialog";
import { DialogActions, useAuthAction } from "./form-parts";

export interface ConfirmDialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: ReactNode;
  children?: ReactNode;
  confirmLabel: string;
  variant?: "primary" | "danger";
  /** Why the change cannot be made now (the confirm button is then disabled). */
  blocked?: boolean;
  /** The change; the dialog closes when it resolves and shows the error when it throws. */
  onConfirm: () => Promise<void>;
}

/** A yes / no dialog for one change that says what it does; busy while it runs, the error inside. */
export function ConfirmDialog({ open, onClose, title, description, children, confirmLabel, variant = "primary", blocked, onConfirm }: ConfirmDialogProps) {
  const { busy, error, run, clearError } = useAuthAction();
  const close = () => {
    clearError();
    onClose();
  };
  return (
    <Dialog open={open} onOpenChange={(next) => (next ? undefined : close())} title={title} description={description}>
      <div className="space-y-3 text-sm">
        {children}
        <DialogActions error={error} busy={busy} onCancel={close} variant={variant} disabled={blocked} onAction={() => void run(onConfirm).then((done) => done && close())}>
          {confirmLabel}
        </DialogActions>
      </div>
    </Dialog>
  );
}
