// The Playwright fixtures every e2e spec uses: `baseURL` from the dashboard started in global setup
// (so `page` and `request` both talk to it), direct etcd v2 access to check what really reached
// etcd, and a unique key prefix per test so tests never see each other's keys.
import { randomBytes } from "node:crypto";
import { test as base, expect, type APIResponse } from "@playwright/test";

export interface EtcdV2Node {
  key?: string;
  value?: string;
  dir?: boolean;
  nodes?: EtcdV2Node[];
  ttl?: number;
  expiration?: string;
  createdIndex: number;
  modifiedIndex: number;
}

/** What etcd itself answered: the HTTP status and the JSON body (a node response or an error). */
export interface EtcdV2Answer {
  status: number;
  body: {
    action?: string;
    node?: EtcdV2Node;
    prevNode?: EtcdV2Node;
    errorCode?: number;
    message?: string;
    cause?: string;
    index?: number;
  };
}

/** The etcd v2 keys API, spoken directly (form bodies, per-segment encoded keys). */
export interface DirectEtcd {
  url: string;
  get(key: string, query?: Record<string, string>): Promise<EtcdV2Answer>;
  put(key: string, value: string | undefined, query?: Record<string, string>): Promise<EtcdV2Answer>;
  delete(key: string, query?: Record<string, string>): Promise<EtcdV2Answer>;
  /** The value stored at `key`, or undefined when etcd says 100 key not found. */
  value(key: string): Promise<string | undefined>;
}

/** "/a b/c?" -> "/a%20b/c%3F": each segment percent-encoded, as etcd expects. */
export function encodeKey(key: string): string {
  return key
    .split("/")
    .map((segment) => encodeURIComponent(segment))
    .join("/");
}

function directEtcd(url: string): DirectEtcd {
  async function call(method: string, key: string, query?: Record<string, string>, form?: Record<string, string>) {
    const qs = query && Object.keys(query).length ? `?${new URLSearchParams(query)}` : "";
    const response = await fetch(`${url}/v2/keys${encodeKey(key.startsWith("/") ? key : `/${key}`)}${qs}`, {
      method,
      headers: form ? { "content-type": "application/x-www-form-urlencoded" } : undefined,
      body: form ? new URLSearchParams(form).toString() : undefined,
      redirect: "manual",
    });
    const text = await response.text();
    let body: EtcdV2Answer["body"];
    try {
      body = JSON.parse(text) as EtcdV2Answer["body"];
    } catch {
      throw new Error(`etcd answered ${method} ${key} with HTTP ${response.status} and a non-JSON body: ${text.slice(0, 200)}`);
    }
    return { status: response.status, body };
  }
  return {
    url,
    get: (key, query) => call("GET", key, query),
    put: (key, value, query) => call("PUT", key, query, value === undefined ? undefined : { value }),
    delete: (key, query) => call("DELETE", key, query),
    async value(key) {
      const answer = await call("GET", key, { quorum: "true" });
      if (answer.status === 404 && answer.body.errorCode === 100) return undefined;
      if (answer.status !== 200) throw new Error(`etcd GET ${key}: HTTP ${answer.status} ${JSON.stringify(answer.body)}`);
      return answer.body.node?.value;
    },
  };
}

interface Fixtures {
  /** Direct access to the etcd behind the `default` (and `second`) cluster. */
  etcd: DirectEtcd;
  /** A key prefix unique to this test, e.g. "/e2e/t3f9a0c1d2"; the tests write below it. */
  ns: string;
  /** `/api/clusters/default/keys` + the percent-encoded key. */
  keysUrl: (key: string, cluster?: string) => string;
}

export const test = base.extend<Fixtures>({
  baseURL: async ({}, use) => {
    const url = process.env.E2E_BASE_URL;
    if (!url) throw new Error("E2E_BASE_URL is not set: run the tests through playwright.config.ts (its global setup starts the dashboard).");
    await use(url);
  },
  etcd: async ({}, use) => {
    const url = process.env.E2E_ETCD_URL;
    if (!url) throw new Error("E2E_ETCD_URL is not set: run the tests through playwright.config.ts.");
    await use(directEtcd(url));
  },
  ns: async ({ etcd }, use) => {
    const ns = `/e2e/t${randomBytes(5).toString("hex")}`;
    await use(ns);
    await etcd.delete(ns, { recursive: "true" }).catch(() => undefined);
  },
  keysUrl: async ({}, use) => {
    await use((key, cluster = "default") => `/api/clusters/${encodeURIComponent(cluster)}/keys${encodeKey(key)}`);
  },
});

export { expect };

/** The API's error envelope. */
export interface ApiErrorEnvelope {
  error: {
    code: string;
    message: string;
    etcdCode?: number;
    cause?: string;
    index?: number;
    issues?: { path: string; message: string }[];
    outcomeUnknown?: boolean;
  };
}

/** Asserts a JSON error envelope with this status and code, and returns its body. */
export async function expectApiError(response: APIResponse, status: number, code: string): Promise<ApiErrorEnvelope["error"]> {
  const text = await response.text();
  expect(response.status(), `HTTP status of ${response.url()}: ${text.slice(0, 300)}`).toBe(status);
  expect(response.headers()["content-type"] ?? "").toMatch(/^application\/json/);
  const body = JSON.parse(text) as ApiErrorEnvelope;
  expect(body.error.code, text).toBe(code);
  expect(typeof body.error.message).toBe("string");
  expect(body.error.message.length).toBeGreaterThan(0);
  return body.error;
}

/** Asserts a 400 invalid_input whose issues include one at `path` (dotted, e.g. "body.ttl"). */
export async function expectInvalid(response: APIResponse, path: string | RegExp): Promise<ApiErrorEnvelope["error"]> {
  const error = await expectApiError(response, 400, "invalid_input");
  expect(error.issues, JSON.stringify(error)).toBeDefined();
  const paths = error.issues!.map((i) => i.path);
  expect(
    paths.some((p) => (typeof path === "string" ? p === path : path.test(p))),
    `issues ${JSON.stringify(error.issues)} should include ${String(path)}`,
  ).toBe(true);
  for (const issue of error.issues!) expect(typeof issue.message).toBe("string");
  return error;
}
