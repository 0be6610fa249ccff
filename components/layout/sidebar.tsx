"use client";
import { KeyRound, Menu, Radio, ScrollText, Server, ShieldCheck, X } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useMemo, useRef, useState, type KeyboardEvent } from "react";
import { useTranslations } from "use-intl";
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

type PageName = "keys" | "watch" | "cluster" | "etcdAuth" | "audit";

/** Pages, each offered only to the roles that may use it (the server checks again). */
const LINKS: { href: string; page: PageName; icon: typeof KeyRound; role: Role }[] = [
  { href: "/keys", page: "keys", icon: KeyRound, role: "viewer" },
  { href: "/watch", page: "watch", icon: Radio, role: "viewer" },
  { href: "/cluster", page: "cluster", icon: Server, role: "viewer" },
  { href: "/etcd-auth", page: "etcdAuth", icon: ShieldCheck, role: "admin" },
  { href: "/audit", page: "audit", icon: ScrollText, role: "admin" },
];

/**
 * The shell's navigation, cluster switcher, connection, theme and account. From the md breakpoint on it is a
 * sidebar; below, a top bar with the product name and a Menu button that shows the same panel (one copy in
 * the DOM, so every command and landmark exists once). Escape or a page link closes it, and focus goes back
 * to the button.
 */
export function Sidebar() {
  const t = useTranslations("layout");
  const appName = useTranslations("common")("appName");
  const cluster = useClusterParam();
  const pathname = usePathname();
  const { can } = useAccess();
  const router = useRouter();
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const closeMenu = () => {
    if (!menuOpen) return;
    setMenuOpen(false);
    menuButton.current?.focus();
  };
  // An Escape a dialog or menu inside the panel already took (Radix prevents its default) is not ours.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape" && menuOpen && !event.defaultPrevented) closeMenu();
  };
  const suffix = cluster === DEFAULT_CLUSTER_NAME ? "" : `?cluster=${encodeURIComponent(cluster)}`;
  const pages = useMemo(
    () =>
      LINKS.filter((link) => can(link.role)).map(({ href, page }) => ({
        id: `page ${href}`,
        label: t("goTo", { page: t(`pages.${page}`) }),
        group: t("pagesGroup"),
        run: () => router.push(href + suffix),
      })),
    [can, router, suffix, t],
  );
  useRegisterCommands("sidebar pages", pages);
  return (
    <div onKeyDown={onKeyDown} className="shrink-0 md:flex md:w-56 md:border-r md:border-line">
      <header className="flex h-12 items-center justify-between border-b border-line px-4 md:hidden">
        <span className="font-semibold">{appName}</span>
        <button
          ref={menuButton}
          type="button"
          aria-expanded={menuOpen}
          aria-controls="site-menu"
          onClick={() => setMenuOpen((open) => !open)}
          className="flex items-center gap-1.5 rounded-md px-2 py-1.5 text-sm hover:bg-hover focus-visible:outline-2 focus-visible:outline-focus"
        >
          {menuOpen ? <X aria-hidden size={16} /> : <Menu aria-hidden size={16} />}
          {t("menu")}
        </button>
      </header>
      <aside
        id="site-menu"
        aria-label={t("siteMenu")}
        className={`${menuOpen ? "flex" : "hidden"} fixed inset-x-0 top-12 bottom-0 z-40 flex-col gap-4 overflow-y-auto bg-canvas p-4 md:static md:flex md:w-full md:overflow-visible`}
      >
        <div className="flex items-center justify-between gap-2">
          <span className="hidden font-semibold md:inline">{appName}</span>
          {/* The theme control, and the place for the language switch beside it. */}
          <div className="flex items-center gap-1">
            <LanguageMenu />
            <ThemeToggle />
          </div>
        </div>
        <CommandPalette />
        <ClusterSwitcher cluster={cluster} />
        <ConnectionBadge cluster={cluster} />
        <ReadOnlyBadge cluster={cluster} />
        <nav aria-label={t("mainNavigation")}>
          <ul className="space-y-1">
            {LINKS.filter((link) => can(link.role)).map(({ href, page, icon: Icon }) => {
              const active = href === "/" ? pathname === "/" : pathname.startsWith(href);
              return (
                <li key={href}>
                  <Link
                    href={href + suffix}
                    // Every page is dynamic: a prefetch renders the shared layouts (and the loading skeleton) on the
                    // server for nothing, twice per page load, while the page itself is loading.
                    prefetch={false}
                    aria-current={active ? "page" : undefined}
                    onClick={closeMenu}
                    className={`flex items-center gap-2 rounded-md px-2 py-1.5 text-sm focus-visible:outline-2 focus-visible:outline-focus ${active ? "bg-subtle font-medium" : "hover:bg-hover"}`}
                  >
                    <Icon aria-hidden size={16} />
                    {t(`pages.${page}`)}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        <UserMenu />
      </aside>
    </div>
  );
}
