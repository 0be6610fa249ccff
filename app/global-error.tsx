"use client";
import { useEffect } from "react";
import { ErrorView, type ErrorViewProps } from "@/components/layout/error-view";
import { applyTheme, storedTheme } from "@/lib/theme";
import "./globals.css";

// The root layout itself failed: this replaces it, so it brings its own <html> and <body>, the styles and
// the user's theme (the sidebar's toggle set it on the <html> this one replaces).
export default function GlobalError(props: ErrorViewProps) {
  useEffect(() => applyTheme(storedTheme()), []);
  return (
    <html lang="en">
      <head>
        <title>Error · etcd dashboard</title>
      </head>
      <body className="min-h-screen bg-white text-zinc-900 dark:bg-zinc-950 dark:text-zinc-100">
        <ErrorView {...props} />
      </body>
    </html>
  );
}
