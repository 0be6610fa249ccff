import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Providers } from "./providers";
import "./globals.css";

// Every page is rendered per request: its scripts carry that response's CSP nonce (scripts/server.mjs).
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "etcd dashboard",
  description: "Browse, edit and watch etcd keys; monitor the cluster.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <body className="min-h-screen bg-white text-zinc-900 dark:bg-zinc-950 dark:text-zinc-100">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
