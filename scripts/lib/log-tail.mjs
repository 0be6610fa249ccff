// Keeps the last lines of a child's output in memory (for error messages when it fails to start),
// optionally also writing everything to a file and/or echoing it to our own terminal.
import fs from "node:fs";
import path from "node:path";

/**
 * @typedef {object} LogTail
 * @property {(chunk: Buffer | string) => void} write
 * @property {() => string} text the captured tail
 * @property {() => Promise<void>} close flush and close the log file, if any
 */

/**
 * @param {{ maxLines?: number, file?: string, echo?: NodeJS.WritableStream }} [opts]
 * @returns {LogTail}
 */
export function createLogTail(opts = {}) {
  const maxLines = opts.maxLines ?? 200;
  /** @type {string[]} */
  const lines = [];
  let partial = "";
  /** @type {fs.WriteStream | null} */
  let file = null;
  if (opts.file) {
    fs.mkdirSync(path.dirname(opts.file), { recursive: true });
    file = fs.createWriteStream(opts.file, { flags: "w" });
  }
  return {
    write(chunk) {
      const s = chunk.toString();
      file?.write(s);
      opts.echo?.write(s);
      const parts = (partial + s).split("\n");
      partial = parts.pop() ?? "";
      lines.push(...parts);
      if (lines.length > maxLines) lines.splice(0, lines.length - maxLines);
    },
    text() {
      return [...lines, ...(partial ? [partial] : [])].join("\n");
    },
    close() {
      return new Promise((resolve) => {
        if (!file) return resolve();
        file.end(() => resolve());
        file = null;
      });
    },
  };
}

