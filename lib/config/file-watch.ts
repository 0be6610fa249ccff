// Notices a changed config file. Polls the file's stat (fs.watchFile) rather than using inotify (fs.watch):
// it survives an editor's save-by-rename and a Kubernetes ConfigMap's symlink swap, and costs one stat a second.
import "server-only";
import fs from "node:fs";

const CONFIG_POLL_MS = 1_000;

/** Calls `changed` after the file at `path` changed (content, replacement, removal); returns a stop function. */
export function watchConfigFile(path: string, changed: () => void): () => void {
  const listener = (current: fs.Stats, previous: fs.Stats) => {
    if (current.mtimeMs !== previous.mtimeMs || current.ino !== previous.ino || current.size !== previous.size) changed();
  };
  // persistent: false, so the watch never keeps the process alive on its own.
  fs.watchFile(path, { interval: CONFIG_POLL_MS, persistent: false }, listener);
  return () => fs.unwatchFile(path, listener);
}
