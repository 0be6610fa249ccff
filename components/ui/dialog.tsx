"use client";
import dynamic from "next/dynamic";
import type { DialogProps } from "./dialog-view";

export type { DialogProps } from "./dialog-view";

// Radix's dialog (about 13 kB of gzipped JavaScript) loads when a dialog first opens: pages render their
// dialogs closed, and no page needs it to show up.
const DialogView = dynamic(() => import("./dialog-view").then((m) => m.DialogView), { ssr: false });

/** A modal dialog (role=dialog) named by its title; nothing while closed (as Radix renders nothing then). */
export function Dialog(props: DialogProps) {
  return props.open ? <DialogView {...props} /> : null;
}
