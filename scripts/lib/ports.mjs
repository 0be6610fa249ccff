// Free loopback TCP ports. The kernel picks one (listen on port 0); we close it and hand the number
// out. Another process can grab it before our child binds it, so callers retry on EADDRINUSE.
import net from "node:net";

/** Ports already handed out by this process: never give the same one twice. */
const handedOut = new Set();

/**
 * A free TCP port on `host`, not handed out before by this process.
 * @param {string} [host]
 * @returns {Promise<number>}
 */
export async function freePort(host = "127.0.0.1") {
  for (let i = 0; i < 50; i++) {
    const port = await listenOnce(host, 0);
    if (!handedOut.has(port)) {
      handedOut.add(port);
      return port;
    }
  }
  throw new Error(`freePort: no unused port found on ${host}`);
}

/**
 * Whether `port` can be bound on `host` right now (a snapshot: it can be taken a moment later).
 * @param {number} port
 * @param {string} [host]
 * @returns {Promise<boolean>}
 */
export async function isPortFree(port, host = "127.0.0.1") {
  try {
    await listenOnce(host, port);
    return true;
  } catch {
    return false;
  }
}

/**
 * Listen on host:port, close again, return the bound port.
 * @param {string} host
 * @param {number} port
 * @returns {Promise<number>}
 */
function listenOnce(host, port) {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once("error", reject);
    server.listen({ host, port, exclusive: true }, () => {
      const address = server.address();
      const bound = typeof address === "object" && address ? address.port : port;
      server.close(() => resolve(bound));
    });
  });
}
