"use client";
// Copy and move, as the rest of the Keys page sees them: `openCopyMove()` from anywhere (the panels, the
// tree's menu, the command palette), the host that shows the dialog, and the panels' buttons. The dialog
// itself (copy-move-dialog.tsx) loads the first time it opens, so it costs the page's first load nothing.
import { Copy, MoveRight } from "lucide-react";
import dynamic from "next/dynamic";
import { useEffect, useSyncExternalStore } from "react";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import type { CopyMoveMode } from "./copy-move-dialog";

const CopyMoveDialog = dynamic(() => import("./copy-move-dialog").then((m) => m.CopyMoveDialog), { ssr: false });

export interface CopyMoveRequest {
  cluster: string;
  from: string;
  mode: CopyMoveMode;
}

// The open dialog's request, outside React: any component (the key panel, the tree's rows, a command
// palette) opens it with openCopyMove(), and CopyMoveHost shows it. The host sits above the key panel, so
// the dialog stays open (with its progress and report) while the panel changes below it: a move deletes
// the selected key, which swaps the panel for "not found".
let current: CopyMoveRequest | null = null;
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};
const setCurrent = (next: CopyMoveRequest | null) => {
  current = next;
  for (const listener of listeners) listener();
};

/** Opens the copy / move dialog (shown by the CopyMoveHost of the Keys page). */
export function openCopyMove(request: CopyMoveRequest): void {
  setCurrent(request);
}

/** Where the copy / move dialog shows; `onNavigate` selects the new path after a move. */
export function CopyMoveHost({ onNavigate }: { onNavigate: (key: string) => void }) {
  const request = useSyncExternalStore(subscribe, () => current, () => null);
  // Leaving the Keys page closes the dialog: coming back must not show a stale one.
  useEffect(() => () => setCurrent(null), []);
  if (!request) return null;
  return (
    <CopyMoveDialog
      key={`${request.cluster}:${request.mode}:${request.from}`}
      cluster={request.cluster}
      from={request.from}
      mode={request.mode}
      open
      onOpenChange={(open) => (open ? undefined : setCurrent(null))}
      onMoved={onNavigate}
    />
  );
}

/** "Copy…" and "Move…" for the selected key or directory (editors only: the caller checks). */
export function CopyMoveButtons({ cluster, keyPath, disabled }: { cluster: string; keyPath: string; disabled?: boolean }) {
  const t = useTranslations("keys.copyMove");
  return (
    <>
      <Button onClick={() => openCopyMove({ cluster, from: keyPath, mode: "copy" })} disabled={disabled}>
        <Copy aria-hidden size={14} /> {t("copyButton")}
      </Button>
      <Button onClick={() => openCopyMove({ cluster, from: keyPath, mode: "move" })} disabled={disabled}>
        <MoveRight aria-hidden size={14} /> {t("moveButton")}
      </Button>
    </>
  );
}
