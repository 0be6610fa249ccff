"use client";
import { KeyRound, Radio, ScrollText, Server, ShieldCheck } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useMemo } from "react";
import { ReadOnlyBadge } from "@/components/dashboard-auth/read-only-badge";
import { CommandPalette } from "@/components/command-palette/command-palette";
import { UserMenu } from "@/components/dashboard-auth/user-menu";
import type { Role } from "@/lib/dashboard-auth/roles";
import { useRegisterCommands } from "@/lib/commands/registry";
import { useAccess } from "@/lib/hooks/use-access";
import { useClusterParam } from "@/lib/hooks/use-cluster-param";
import { DEFAULT_CLUSTER_NAME } from "@/lib/keys-url";
import { ClusterSwitcher } from "./cluster-switcher";
import { ConnectionBadge } from "./connection-badge";
import { LanguageMenu } from "./language-menu";
import { ThemeToggle } from "./theme-toggle";

/** Pages, each offered only to the roles that may use it (the server checks again). */
const LINKS: { href: string; label: string; icon: typeof KeyRound; role: Role }[] = [
  { href: "/keys", label: "Keys", icon: KeyRound, role: "viewer" },
  { href: "/watch", label: "Watch", icon: Radio, role: "viewer" },
  { href: "/cluster", label: "Cluster", icon: Server, role: "viewer" },
  { href: "/etcd-auth", label: "etcd auth", icon: ShieldCheck, role: "admin" },
  { href: "/audit", label: "Audit", icon: ScrollText, role: "admin" },
];

export function Sidebar() {
  const cluster = useClusterParam();
  const pathname = usePathname();
  const { can } = useAccess();
  const router = useRouter();
  const suffix = cluster === DEFAULT_CLUSTER_NAME ? "" : `?cluster=${encodeURIComponent(cluster)}`;
  const pages = useMemo(
    () =>
      LINKS.filter((link) => can(link.role)).map(({ href, label }) => ({
        id: `page ${href}`,
        label: `Go to ${label}`,
        group: "Pages",
        run: () => router.push(href + suffix),
      })),
    [can, router, suffix],
  );
  useRegisterCommands("sidebar pages", pages);
  return (
    <aside className="flex w-56 shrink-0 flex-col gap-4 border-r border-line p-4">
      <div className="flex items-center justify-between">
        <span className="font-semibold">etcd dashboard</span>
        <LanguageMenu />
        <ThemeToggle />
      </div>
      <CommandPalette />
      <ClusterSwitcher cluster={cluster} />
      <ConnectionBadge cluster={cluster} />
      <ReadOnlyBadge cluster={cluster} />
      <nav aria-label="Main">
        <ul className="space-y-1">
          {LINKS.filter((link) => can(link.role)).map(({ href, label, icon: Icon }) => {
            const active = href === "/" ? pathname === "/" : pathname.startsWith(href);
            return (
              <li key={href}>
                <Link
                  href={href + suffix}
                  // Every page is dynamic: a prefetch renders the shared layouts (and the loading skeleton) on the
                  // server for nothing, twice per page load, while the page itself is loading.
                  prefetch={false}
                  aria-current={active ? "page" : undefined}
                  className={`flex items-center gap-2 rounded-md px-2 py-1.5 text-sm ${active ? "bg-subtle font-medium" : "hover:bg-hover"}`}
                >
                  <Icon aria-hidden size={16} />
                  {label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <UserMenu />
    </aside>
  );
}
