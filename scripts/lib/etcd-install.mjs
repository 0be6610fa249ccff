// Makes sure the real etcd binary is present (Debian's etcd-server 3.4; etcdctl comes with
// etcd-client and is handy for debugging a test failure by hand).
import fs from "node:fs";
import { aptInstall } from "./apt.mjs";

/** The etcd binary every harness function starts. */
export const ETCD_BIN = "/usr/bin/etcd";

/**
 * Install etcd-server and etcd-client when /usr/bin/etcd is missing. As root this runs apt-get;
 * otherwise it throws an Error whose message is exactly the command to run.
 * @returns {Promise<void>}
 */
export async function ensureEtcdInstalled() {
  if (fs.existsSync(ETCD_BIN)) return;
  await aptInstall(["etcd-server", "etcd-client"]);
  if (!fs.existsSync(ETCD_BIN)) throw new Error(`apt-get installed etcd-server but ${ETCD_BIN} is still missing`);
}
