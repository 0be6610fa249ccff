// Requests sent byte for byte with node:http: Playwright's client (like fetch) normalises URLs, so a
// malformed percent-escape or an odd request target never reaches the server through it.
import http from "node:http";

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface RawRequest {
  method?: string;
  /** The request target exactly as sent, e.g. "/api/clusters/default/keys/100%". */
  path: string;
  headers?: Record<string, string>;
  /** A body; with `chunked` it is sent with Transfer-Encoding: chunked (no Content-Length). */
  body?: string | Buffer;
  chunked?: boolean;
}

export function rawRequest(baseURL: string, req: RawRequest): Promise<RawResponse> {
  const { hostname, port } = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: hostname,
        port: Number(port),
        method: req.method ?? "GET",
        path: req.path,
        headers: req.headers,
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") }),
        );
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    if (req.body !== undefined) {
      if (req.chunked) {
        // Several chunks, so the server cannot learn the size up front.
        const data = Buffer.isBuffer(req.body) ? req.body : Buffer.from(req.body);
        const step = 1024 * 1024;
        for (let offset = 0; offset < data.length; offset += step) request.write(data.subarray(offset, offset + step));
      } else {
        request.setHeader("content-length", Buffer.byteLength(req.body));
        request.write(req.body);
      }
    }
    request.end();
  });
}

/** Parses a raw response's JSON error envelope (throws when the body is not JSON). */
export function rawJson<T = { error: { code: string; message: string; issues?: { path: string; message: string }[] } }>(
  response: RawResponse,
): T {
  try {
    return JSON.parse(response.body) as T;
  } catch {
    throw new Error(`expected JSON, got HTTP ${response.status} ${response.headers["content-type"]}: ${response.body.slice(0, 200)}`);
  }
}
