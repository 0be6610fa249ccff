// Ports of the demo etcd, remembered in .demo-data/ports.json. A restarted single member would
// cope with a new peer port, but its advertised peer URL in /v2/members would then be stale and
// its client URL would move between runs; reusing the ports keeps both stable.
import fs from "node:fs";
import path from "node:path";
import { freePort, isPortFree } from "./ports.mjs";

/**
 * @typedef {{ clientPort: number, peerPort: number }} DemoPorts
 */

/**
 * Pick the demo's ports: an explicit client port wins; else the remembered ones while still free;
 * else etcd's standard 2379/2380 when free; else any free ports. The choice is saved.
 * @param {string} file path of ports.json
 * @param {{ clientPort?: number }} [want] e.g. from ETCD_DEMO_PORT
 * @returns {Promise<DemoPorts>}
 */
export async function chooseDemoPorts(file, want = {}) {
  const saved = readPorts(file);
  const taken = new Set();
  /**
   * @param {(number | undefined)[]} candidates
   * @returns {Promise<number>}
   */
  async function pick(candidates) {
    for (const p of candidates) {
      if (p && !taken.has(p) && (await isPortFree(p))) {
        taken.add(p);
        return p;
      }
    }
    const p = await freePort();
    taken.add(p);
    return p;
  }
  let clientPort;
  if (want.clientPort) {
    clientPort = want.clientPort; // the user asked for it: let etcd report it if it is busy
    taken.add(clientPort);
  } else {
    clientPort = await pick([saved?.clientPort, 2379]);
  }
  const peerPort = await pick([saved?.peerPort, 2380]);
  /** @type {DemoPorts} */
  const ports = { clientPort, peerPort };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(ports, null, 2)}\n`);
  return ports;
}

/**
 * @param {string} file
 * @returns {DemoPorts | null}
 */
function readPorts(file) {
  try {
    const p = JSON.parse(fs.readFileSync(file, "utf8"));
    if (Number.isInteger(p.clientPort) && Number.isInteger(p.peerPort)) return p;
  } catch {
    // first run, or a hand-edited file: choose afresh
  }
  return null;
}
