"use client";
import * as Menu from "@radix-ui/react-dropdown-menu";
import type { ComponentProps } from "react";

/**
 * The root of every drop-down menu: never modal. A modal Radix menu hides the rest of the page with aria-hidden
 * while it stays focusable (axe: aria-hidden-focus); Escape or a click outside still closes it.
 */
export function MenuRoot(props: Omit<ComponentProps<typeof Menu.Root>, "modal">) {
  return <Menu.Root {...props} modal={false} />;
}
