// Makes sure the real etcd binary (Debian's etcd-server 3.4) and etcdctl (etcd-client: the end-to-end
// tests write with it, as an operator would) are present.
import fs from "node:fs";
import { aptInstall } from "./apt.mjs";

/** The etcd binary every harness function starts. */
export const ETCD_BIN = "/usr/bin/etcd";
export const ETCDCTL_BIN = "/usr/bin/etcdctl";

/**
 * Install etcd-server and / or etcd-client, whichever binary is missing. As root this runs apt-get;
 * otherwise it throws an Error whose message is exactly the command to run.
 * @returns {Promise<void>}
 */
export async function ensureEtcdInstalled() {
  const missing = [];
  if (!fs.existsSync(ETCD_BIN)) missing.push("etcd-server");
  if (!fs.existsSync(ETCDCTL_BIN)) missing.push("etcd-client");
  if (missing.length === 0) return;
  await aptInstall(missing);
  if (!fs.existsSync(ETCD_BIN)) throw new Error(`apt-get installed etcd-server but ${ETCD_BIN} is still missing`);
}
