// Sends fuzz requests byte for byte (node:http: no URL normalising, any Host header) over a few
// keep-alive connections, and keeps what the checks need of each answer. A stream (the watch routes)
// is closed as soon as its headers arrive.
import http from "node:http";
import type { FuzzRequest } from "./requests";

export interface FuzzAnswer {
  status: number;
  contentType: string;
  location?: string;
  /** The first 64 KiB of the body ("" for a stream or HEAD). */
  body: string;
  /** Set when no HTTP answer came: the connection failed or timed out. */
  error?: string;
}

const BODY_LIMIT = 64 * 1024;

export function sendFuzz(agent: http.Agent, baseURL: string, request: FuzzRequest, timeoutMs = 20_000): Promise<FuzzAnswer> {
  const { hostname, port } = new URL(baseURL);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (answer: FuzzAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(answer);
    };
    // maxHeaderSize: a redirect of a long URL carries it whole in Location, past Node.js's default 16 KiB.
    const options = { host: hostname, port: Number(port), method: request.method, path: request.path, headers: request.headers, agent, maxHeaderSize: 256 * 1024 };
    const req = http.request(options, (response) => {
      const contentType = String(response.headers["content-type"] ?? "");
      const base = { status: response.statusCode ?? 0, contentType, location: response.headers.location };
      if (contentType.startsWith("text/event-stream")) {
        req.destroy();
        return finish({ ...base, body: "" });
      }
      const chunks: Buffer[] = [];
      let size = 0;
      response.on("data", (chunk: Buffer) => {
        if (size < BODY_LIMIT) chunks.push(chunk);
        size += chunk.length;
      });
      response.on("end", () => finish({ ...base, body: Buffer.concat(chunks).toString("utf8").slice(0, BODY_LIMIT) }));
      response.on("error", (error) => finish({ ...base, body: Buffer.concat(chunks).toString("utf8"), error: `response: ${error.message}` }));
    });
    const timer = setTimeout(() => {
      req.destroy();
      finish({ status: 0, contentType: "", body: "", error: `no answer within ${timeoutMs} ms` });
    }, timeoutMs);
    // An early answer (413) can close the connection while the body is still being sent: the answer counts.
    req.on("error", (error) => setTimeout(() => finish({ status: 0, contentType: "", body: "", error: error.message }), 200));
    const body = request.body === undefined ? undefined : Buffer.isBuffer(request.body) ? request.body : Buffer.from(request.body);
    if (body !== undefined) {
      if (request.chunked) {
        req.setHeader("transfer-encoding", "chunked");
        const step = 256 * 1024;
        for (let offset = 0; offset < body.length; offset += step) req.write(body.subarray(offset, offset + step));
        if (body.length === 0) req.write("");
      } else {
        req.setHeader("content-length", body.length);
        req.write(body);
      }
    }
    req.end();
  });
}

/** Runs `work` over `items` with at most `limit` at a time, in order of the items. */
export async function pool<T, R>(items: T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
