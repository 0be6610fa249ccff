// Self-test of the etcd harness against the real binary: if these pass, failures in other
// integration tests are about the code under test, not about how etcd was started.
import fs from "node:fs";
import net from "node:net";
import { afterAll, describe, expect, inject, it } from "vitest";
import { startCluster, startEtcd, type Cluster, type Member } from "./etcd-harness.mjs";
import { untilStopped } from "../../lib/testing/etcd-direct";

/** PUT a value the way etcd v2 wants it: form body, everything else in the query. */
async function put(baseURL: string, key: string, value: string): Promise<Response> {
  return fetch(`${baseURL}/v2/keys/${key}`, {
    method: "PUT",
    body: new URLSearchParams({ value }),
    signal: AbortSignal.timeout(5_000),
  });
}

async function getValue(baseURL: string, key: string): Promise<string | undefined> {
  const res = await fetch(`${baseURL}/v2/keys/${key}`, { signal: AbortSignal.timeout(2_000) });
  if (res.status !== 200) return undefined;
  const body = (await res.json()) as { node?: { value?: string } };
  return body.node?.value;
}

/** Resolves with the error code of a failed fetch (e.g. "ECONNREFUSED"). */
async function fetchErrorCode(url: string, timeoutMs = 2_000): Promise<string> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    return `HTTP ${res.status}`;
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    return e.cause?.code ?? e.name;
  }
}

async function eventually(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("globalSetup etcd", () => {
  it("is provided to tests and speaks v2", async () => {
    const url = inject("etcdURL");
    const res = await fetch(`${url}/v2/keys/`);
    expect(res.status).toBe(200);
  });
});

describe("startEtcd", () => {
  it("starts a v2-enabled member, and after stop its port refuses and its temp dir is gone", async () => {
    const etcd = await startEtcd();
    expect(etcd.clientURL).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(fs.existsSync(etcd.dataDir)).toBe(true);

    expect((await put(etcd.clientURL, "harness/hello", "wörld & more")).status).toBe(201);
    expect(await getValue(etcd.clientURL, "harness/hello")).toBe("wörld & more");

    await etcd.stop();
    expect(etcd.running).toBe(false);
    expect(await fetchErrorCode(`${etcd.clientURL}/health`)).toBe("ECONNREFUSED");
    expect(fs.existsSync(etcd.dataDir)).toBe(false);
  });

  it("does not hang when etcd dies unexpectedly", async () => {
    const etcd = await startEtcd();
    etcd.kill("SIGKILL");
    expect((await etcd.exited).signal).toBe("SIGKILL");
    await etcd.stop(); // resolves at once
  });

  it("fails fast with etcd's output when etcd cannot start", async () => {
    const started = Date.now();
    await expect(startEtcd({ extraArgs: ["--no-such-flag"] })).rejects.toThrow(/no-such-flag/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("reports a busy fixed client port instead of retrying", async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, "127.0.0.1", r));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      await expect(startEtcd({ clientPort: port })).rejects.toThrow(/address already in use/);
    } finally {
      blocker.close();
    }
  });
});

describe("startCluster", () => {
  let cluster: Cluster | undefined;
  afterAll(async () => {
    await cluster?.stop();
  });

  async function follower(c: Cluster): Promise<Member> {
    const lead = await c.leader();
    const m = c.members.find((x) => x !== lead);
    if (!m) throw new Error("no follower");
    return m;
  }

  it("starts 3 healthy members", async () => {
    cluster = await startCluster({ size: 3 });
    expect(cluster.endpoints).toHaveLength(3);
    await cluster.waitHealthy();
    expect(await cluster.leader()).toBeDefined();
  });

  it("survives a stopped member, which catches up after a restart", async () => {
    const c = cluster!;
    // Stop a follower: stopping the leader would make writes hang ~5 s during the election.
    const down = await follower(c);
    await down.stop();
    expect(down.running).toBe(false);
    expect(await fetchErrorCode(`${down.clientURL}/health`)).toBe("ECONNREFUSED");

    const up = c.members.filter((m) => m !== down);
    await c.waitHealthy();
    for (const [i, m] of up.entries()) {
      expect((await put(m.clientURL, `harness/while-down-${i}`, `v${i}`)).status).toBe(201);
    }

    await down.start();
    expect(down.running).toBe(true);
    await c.waitHealthy();
    // A plain GET reads the member's local store: it must have replayed the writes it missed.
    await eventually(async () => (await getValue(down.clientURL, "harness/while-down-1")) === "v1");
    expect(await getValue(down.clientURL, "harness/while-down-0")).toBe("v0");
  });

  it("freezes and thaws a member", async () => {
    const c = cluster!;
    const m = await follower(c);
    m.freeze();
    expect(m.frozen).toBe(true);
    // SIGSTOP takes effect a moment after kill() returns, later on a loaded machine.
    await untilStopped(m.pid);
    expect(await fetchErrorCode(`${m.clientURL}/health`, 500)).toBe("TimeoutError");

    // The other two still form a quorum.
    const lead = (await c.leader())!;
    expect((await put(lead.clientURL, "harness/while-frozen", "x")).status).toBe(201);

    m.thaw();
    expect(m.frozen).toBe(false);
    await c.waitHealthy();
    expect(await fetchErrorCode(`${m.clientURL}/health`)).toBe("HTTP 200");
  });

  it("stops every member, frozen ones included", async () => {
    const c = cluster!;
    const m = await follower(c);
    m.freeze();
    await c.stop();
    cluster = undefined;
    for (const x of c.members) {
      expect(x.running).toBe(false);
      expect(await fetchErrorCode(`${x.clientURL}/health`)).toBe("ECONNREFUSED");
    }
    expect(fs.existsSync(c.dataRoot)).toBe(false);
  });
});
