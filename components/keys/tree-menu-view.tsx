"use client";
import * as Menu from "@radix-ui/react-dropdown-menu";
import { Fragment, useRef } from "react";
import type { TreeMenuProps } from "./tree-menu";
import { MenuRoot } from "@/components/ui/menu-root";

/**
 * The open menu: Radix's dropdown menu (role=menu, menuitems, arrow keys, typeahead, Escape, focus back),
 * anchored to a zero-size point where the user right-clicked or below the focused row. Use `TreeMenu`.
 */
export function TreeMenuView({ open, onOpenChange, at, label, items, onCloseFocus, fromKeyboard }: TreeMenuProps) {
  const firstFocused = useRef(false);
  return (
    <MenuRoot open={open} onOpenChange={onOpenChange}>
      <Menu.Trigger asChild>
        <span aria-hidden="true" tabIndex={-1} style={{ position: "fixed", left: at.x, top: at.y, width: 0, height: 0 }} />
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content
          aria-label={label}
          side="bottom"
          align="start"
          collisionPadding={8}
          onFocus={(event) => {
            // Opened from the keyboard: the first item takes the focus from the menu as it opens, as a menu
            // button's would. (Radix tells the keyboard only by keys pressed while it is mounted: none yet.)
            if (!fromKeyboard || firstFocused.current || event.target !== event.currentTarget) return;
            firstFocused.current = true;
            event.currentTarget.querySelector<HTMLElement>('[role="menuitem"]:not([data-disabled])')?.focus();
          }}
          onCloseAutoFocus={(event) => {
            // Back to the row, not to the invisible anchor.
            event.preventDefault();
            onCloseFocus?.();
          }}
          className="z-50 min-w-48 rounded-md border border-line bg-surface p-1 text-sm shadow-lg"
        >
          {items.map((item) => (
            <Fragment key={item.id}>
              {item.separatorBefore ? <Menu.Separator className="my-1 h-px bg-subtle" /> : null}
              <Menu.Item
                disabled={item.disabled}
                onSelect={item.onSelect}
                className={`flex cursor-default select-none items-center gap-2 rounded px-2 py-1.5 outline-none data-[disabled]:opacity-50 data-[highlighted]:bg-hover ${
                  item.danger ? "text-danger" : ""
                }`}
              >
                {item.icon ? <item.icon aria-hidden="true" size={14} className="shrink-0" /> : <span aria-hidden="true" className="w-3.5 shrink-0" />}
                {item.label}
              </Menu.Item>
            </Fragment>
          ))}
        </Menu.Content>
      </Menu.Portal>
    </MenuRoot>
  );
}
