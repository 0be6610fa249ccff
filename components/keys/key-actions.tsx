"use client";
// The key's actions by weight: Save (the one primary, once something changed) with Discard, the rarer ones
// in "More actions" (a Radix menu: role=menu, arrow keys, Escape), and Delete set apart at the far end.
import * as Menu from "@radix-ui/react-dropdown-menu";
import { ChevronDown, Copy, Download, GitCompareArrows, MoveRight, Save, Trash2, Undo2, type LucideIcon } from "lucide-react";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import { MenuRoot } from "@/components/ui/menu-root";

export interface MoreAction {
  id: string;
  label: string;
  icon: LucideIcon;
  onSelect: () => void;
}

export interface KeyActionsProps {
  canWrite: boolean;
  dirty: boolean;
  busy: boolean;
  onSave: () => void;
  onDiscard: () => void;
  onDelete: () => void;
  more: MoreAction[];
}

export function KeyActions({ canWrite, dirty, busy, onSave, onDiscard, onDelete, more }: KeyActionsProps) {
  const t = useTranslations("keyPanel.actions");
  return (
    <div className="flex flex-wrap items-center gap-2">
      {canWrite ? (
        <>
          <Button variant="primary" onClick={onSave} disabled={busy || !dirty}>
            <Save aria-hidden size={14} /> {t("save")}
          </Button>
          <Button onClick={onDiscard} disabled={busy || !dirty}>
            <Undo2 aria-hidden size={14} /> {t("discard")}
          </Button>
        </>
      ) : null}
      <MoreActionsMenu items={more} disabled={busy} />
      {canWrite ? (
        // Outlined in the danger colours (not a Button variant: its secondary classes would fight these).
        <button
          type="button"
          onClick={onDelete}
          disabled={busy}
          className="ml-auto inline-flex items-center gap-1.5 rounded-md border border-danger-line bg-surface px-3 py-1.5 text-sm font-medium text-danger hover:bg-danger-soft disabled:cursor-not-allowed disabled:opacity-50"
        >
          <Trash2 aria-hidden size={14} /> {t("delete")}
        </button>
      ) : null}
    </div>
  );
}

/** "More actions ▾": the rarer actions as menuitems. */
function MoreActionsMenu({ items, disabled }: { items: MoreAction[]; disabled: boolean }) {
  const t = useTranslations("keyPanel.actions");
  if (items.length === 0) return null;
  return (
    <MenuRoot>
      <Menu.Trigger asChild disabled={disabled}>
        <Button>
          {t("more")} <ChevronDown aria-hidden size={14} />
        </Button>
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content align="start" sideOffset={4} collisionPadding={8} className="z-50 min-w-48 rounded-md border border-line bg-surface p-1 text-sm text-fg shadow-lg">
          {items.map((item) => (
            <Menu.Item
              key={item.id}
              onSelect={item.onSelect}
              className="flex cursor-default select-none items-center gap-2 rounded px-2 py-1.5 outline-none data-[highlighted]:bg-hover"
            >
              <item.icon aria-hidden size={14} className="shrink-0" />
              {item.label}
            </Menu.Item>
          ))}
        </Menu.Content>
      </Menu.Portal>
    </MenuRoot>
  );
}

/** The icons of the usual "More actions" entries, so the editor names only what each does. */
export const MORE_ICONS = { cas: GitCompareArrows, copy: Copy, move: MoveRight, export: Download } as const;
