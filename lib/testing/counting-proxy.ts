// A plain HTTP forwarder in front of a real etcd that counts the requests going through it, by path:
// how tests see how often the dashboard really asks etcd. It can also cut a connection after etcd has
// answered (`cutNext`): the request was applied, and the client sees only a reset.
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface CountingProxy {
  url: string;
  /** Requests forwarded so far, by path without the query. */
  counts: Map<string, number>;
  count(path: string): number;
  /** The next request with this method reaches etcd, and its answer is replaced by a connection reset. */
  cutNext(method: string): void;
  close(): Promise<void>;
}

export async function startCountingProxy(target: string): Promise<CountingProxy> {
  const counts = new Map<string, number>();
  const toCut = new Set<string>();
  const agent = new http.Agent({ keepAlive: true });
  const server = http.createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0]!;
    counts.set(path, (counts.get(path) ?? 0) + 1);
    const cut = toCut.delete(req.method ?? "");
    const upstream = http.request(new URL(req.url ?? "/", target), { method: req.method, headers: req.headers, agent }, (answer) => {
      if (cut) {
        answer.resume();
        answer.on("end", () => req.socket.resetAndDestroy());
        return;
      }
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    count: (path) => counts.get(path) ?? 0,
    cutNext: (method) => void toCut.add(method),
    close: () =>
      new Promise((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
