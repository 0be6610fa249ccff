"use client";
// Dialogs of the Keys page that load the first time they open: most visits never open them, and the page's
// first load (the keys page's JavaScript budget) should not carry them.
import dynamic from "next/dynamic";
import type { ImportDialogProps } from "@/components/transfer/import-dialog";
import type { SearchDialogProps } from "./search-dialog";

const SearchDialogView = dynamic(() => import("./search-dialog").then((m) => m.SearchDialog), { ssr: false });
const ImportDialogView = dynamic(() => import("@/components/transfer/import-dialog").then((m) => m.ImportDialog), { ssr: false });

/** Search in a directory (search-dialog.tsx), loaded when first opened. */
export function SearchDialog(props: SearchDialogProps) {
  return props.open ? <SearchDialogView {...props} /> : null;
}

/** Import into a directory (components/transfer/import-dialog.tsx), loaded when first opened. */
export function ImportDialog(props: ImportDialogProps) {
  return props.open ? <ImportDialogView {...props} /> : null;
}
