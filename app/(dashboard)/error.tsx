"use client";
import { ErrorView, type ErrorViewProps } from "@/components/layout/error-view";

// A dashboard page that failed: the sidebar (its layout, above this boundary) stays usable.
export default function Error(props: ErrorViewProps) {
  return <ErrorView {...props} />;
}
