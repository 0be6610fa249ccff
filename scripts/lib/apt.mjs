// Installing Debian packages for the real components (etcd, chromium). A fresh CI machine runs as
// root and gets them installed; a developer's machine gets told the exact command instead, because
// silently running sudo from a test script is not ours to do.
import { run } from "./run.mjs";

/** @type {Promise<void> | null} */
let updated = null;

/** True when this process can run apt-get itself. */
export function isRoot() {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

/**
 * `apt-get install -y PACKAGES` as root; otherwise throw an Error whose message is exactly the
 * command the user should run. `apt-get update` runs at most once per process (fresh Debian images
 * have empty package lists, and a second update in the same run would only cost time).
 * @param {string[]} packages
 * @returns {Promise<void>}
 */
export async function aptInstall(packages) {
  if (!isRoot()) throw new Error(`sudo apt-get install -y ${packages.join(" ")}`);
  const env = { DEBIAN_FRONTEND: "noninteractive" };
  updated ??= run("apt-get", ["update"], { env }).catch((err) => {
    updated = null; // let a later call retry a failed update
    throw err;
  });
  await updated;
  await run("apt-get", ["install", "-y", ...packages], { env });
}
