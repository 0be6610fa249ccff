"use client";
import { ErrorView, type ErrorViewProps } from "@/components/layout/error-view";

// A page or layout below the root layout that failed (app/(dashboard)/error.tsx keeps the sidebar for pages).
export default function Error(props: ErrorViewProps) {
  return <ErrorView {...props} />;
}
