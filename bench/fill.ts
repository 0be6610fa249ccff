// The bench's data: `count` small JSON values under a directory, written straight to etcd.
import http from "node:http";
import { makeAgent } from "./http-load";

/** The name of the bench's `i`th key in a directory (v2 and v3 alike): k000000, k000001, … */
export const benchKeyName = (i: number) => `k${String(i).padStart(6, "0")}`;

/** The bench's `i`th value: a small JSON object (v2 and v3 alike). */
export const benchValue = (i: number) => JSON.stringify({ id: i, name: `item-${i}`, enabled: i % 2 === 0 });

/** Writes `count` keys under `dir` with a few concurrent keep-alive connections. */
export async function fill(etcdURL: string, dir: string, count: number): Promise<void> {
  const agent = makeAgent(32);
  let next = 0;
  const put = (i: number) =>
    new Promise<void>((resolve, reject) => {
      const body = new URLSearchParams({ value: benchValue(i) }).toString();
      const req = http.request(
        `${etcdURL}/v2/keys${dir}/${benchKeyName(i)}`,
        { method: "PUT", agent, headers: { "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(body) } },
        (res) => {
          res.resume();
          res.on("end", () => ((res.statusCode ?? 0) < 300 ? resolve() : reject(new Error(`PUT answered ${res.statusCode}`))));
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (next < count) await put(next++);
    }),
  );
  agent.destroy();
}
