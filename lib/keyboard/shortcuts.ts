// The app's own keyboard shortcuts: Ctrl on Linux and Windows, Cmd (Meta) on macOS, without Alt or Shift
// (so Ctrl+Shift+K and the like stay the browser's). Pure: given the modifier state of a key event.

type Modifiers = Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "altKey" | "shiftKey">;

function isModShortcut(event: Modifiers, key: string): boolean {
  return event.key.toLowerCase() === key && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;
}

/** Ctrl/Cmd+K: the command palette, from anywhere. */
export const isPaletteShortcut = (event: Modifiers) => isModShortcut(event, "k");

/** Ctrl/Cmd+S: save, in the key editor. */
export const isSaveShortcut = (event: Modifiers) => isModShortcut(event, "s");
