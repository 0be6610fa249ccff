// Sample data for the demo's etcd v3 keyspace (issue [12], "Demo"), written through the project's own v3
// client, so a newcomer sees both keyspaces: an app config tree under /apps (JSON and YAML, the same app
// as the v2 sample data), a key with a lease renewed while the demo runs, a binary value (a PNG), keys
// that do not start with "/", a key whose name is not valid UTF-8, and a directory of a few thousand
// children to scroll. Run from scripts/sample-data3-cli.ts (`npm run demo` starts it); tested by
// sample-data3.int.test.ts.
import type { Etcd3Client } from "../lib/etcd3/client";
import type { Op3 } from "../lib/etcd3/requests";
import { apiConfigYaml, webConfig } from "./sample-data.mjs";

/** Written last: its presence means the static keys were all written, so a rerun keeps the user's changes. */
export const MARKER_KEY3 = "/_dashboard_demo/loaded-v3";

/** The key attached to a lease that the demo renews, so its countdown is always visible. */
export const LEASED_KEY = "/sessions/demo-user";
export const LEASE_TTL_SECONDS = 300;

/** A directory with this many direct children, for the virtualized tree. */
export const BIG_DIRECTORY = "/catalog/products/";
export const BIG_DIRECTORY_SIZE = 3000;

/** "/bytes/café" in Latin-1 and two bytes that never occur in UTF-8: the name is shown escaped. */
export const NON_UTF8_KEY = Buffer.concat([Buffer.from("/bytes/caf"), Buffer.of(0xe9), Buffer.from("-"), Buffer.of(0xff, 0xfe)]);

/** A 16×16 PNG (a blue dot), stored as its raw bytes: v3 values are bytes. */
export const LOGO_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAT0lEQVR42mP4TyJgQOM7rvwAQmvBaCMI4dPguPQDpgbHrR+wawCpxqEBWQ9Ug+PCD/g1OO78gNAAUk2EBoieEauB5GAlJ+LISRrkJD5iAAA7TU479cFZAwAAAABJRU5ErkJggg==",
  "base64",
);

/** §0.7: at most 128 operations in each part of a transaction. */
const MAX_TXN_OPS = 128;

export interface SampleKey3 {
  key: Buffer;
  value: Buffer;
}

const json = (value: unknown) => JSON.stringify(value, null, 2);

/** The static sample keys (not the leased key, not the marker), in the order they are written. */
export function sampleKeys3(): SampleKey3[] {
  const text: [string, string][] = [
    ["/apps/web/config.json", json(webConfig)],
    ["/apps/web/replicas", "3"],
    ["/apps/api/config.yaml", apiConfigYaml],
    ["/apps/api/feature-flags/dark-mode", "true"],
    ["/apps/api/feature-flags/beta", "false"],
    // Keys without a leading "/", as Kubernetes-style registries and flag stores write them.
    ["registry/services/web/10.0.0.12:8080", json({ addr: "10.0.0.12:8080", weight: 10, healthy: true })],
    ["registry/services/web/10.0.0.13:8080", json({ addr: "10.0.0.13:8080", weight: 10, healthy: true })],
    ["registry/services/api/10.0.1.7:9000", json({ addr: "10.0.1.7:9000", weight: 5, healthy: false })],
    ["feature-flags", json({ "dark-mode": true, "new-checkout": false, "rollout-percent": 25 })],
    ["/i18n/greeting", "Grüße aus Köln — こんにちは — 😀"],
  ];
  const keys: SampleKey3[] = text.map(([key, value]) => ({ key: Buffer.from(key), value: Buffer.from(value) }));
  keys.push({ key: Buffer.from("/assets/logo.png"), value: LOGO_PNG });
  keys.push({ key: NON_UTF8_KEY, value: Buffer.from("this key's name is not valid UTF-8") });
  for (let i = 1; i <= BIG_DIRECTORY_SIZE; i += 1) {
    const sku = `sku-${String(i).padStart(5, "0")}`;
    keys.push({ key: Buffer.from(`${BIG_DIRECTORY}${sku}`), value: Buffer.from(JSON.stringify({ sku, price: (i % 97) + 0.99, stock: i % 13 })) });
  }
  return keys;
}

export interface SampleData3Result {
  /** false: the marker was there, the static keys were left as they are. */
  loaded: boolean;
  /** Static keys written this time. */
  keys: number;
  /** The lease the leased key is attached to, undefined when the user detached it (then it is left alone). */
  leaseId?: string;
}

/**
 * Writes the sample keyspace unless the marker exists (in transactions of at most 128 puts, the marker
 * last, so a run that stopped half-way is completed by the next), then makes sure the leased key exists
 * on a live lease. Idempotent: a rerun writes the same values, or nothing.
 */
export async function loadSampleData3(client: Etcd3Client): Promise<SampleData3Result> {
  let keys = 0;
  const loaded = (await client.get(MARKER_KEY3)) === undefined;
  if (loaded) {
    const all = sampleKeys3();
    for (let start = 0; start < all.length; start += MAX_TXN_OPS) {
      const success: Op3[] = all.slice(start, start + MAX_TXN_OPS).map(({ key, value }) => ({ put: { key, value } }));
      await client.txn({ success });
      keys += success.length;
    }
    await client.put({ key: MARKER_KEY3, value: new Date().toISOString() });
  }
  return { loaded, keys, leaseId: await ensureLeasedKey(client) };
}

function sessionValue(): string {
  return json({ user: "demo", loggedInAt: new Date().toISOString(), note: "attached to a lease the demo renews" });
}

/**
 * The leased key's lease if it is still alive (a rerun within the TTL keeps it), else a new lease and the
 * key created on it. A key the user detached from its lease is left alone.
 */
export async function ensureLeasedKey(client: Etcd3Client): Promise<string | undefined> {
  const current = await client.get(LEASED_KEY);
  if (current) {
    if (current.lease === "0") return undefined;
    // §7: TTL -1 means the lease is gone (0 may still be alive).
    if ((await client.leaseTimeToLive(current.lease)).ttl >= 0) return current.lease;
  }
  const lease = await client.leaseGrant(LEASE_TTL_SECONDS);
  const created = await client.createIfAbsent({ key: LEASED_KEY, value: sessionValue(), lease: lease.id });
  if (created.succeeded) return lease.id;
  // Someone wrote the key meanwhile: keep theirs, and drop the lease nobody uses.
  await client.leaseRevoke(lease.id);
  return created.current?.lease === "0" ? undefined : created.current?.lease;
}

export interface LeaseKeeper {
  stop(): void;
}

/**
 * Renews the leased key's lease every third of its TTL (§7) while the demo runs. When the lease is gone
 * (revoked in the dashboard, or it expired while etcd was unreachable), the key is created again on a new
 * lease, so the countdown stays visible. Failures are reported and retried at the next tick.
 */
export function keepLeaseAlive(client: Etcd3Client, leaseId: string | undefined, options: { intervalMs?: number; onError?: (error: unknown) => void } = {}): LeaseKeeper {
  let lease = leaseId;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      if (lease) await client.leaseKeepAliveOnce(lease);
      else lease = await ensureLeasedKey(client);
    } catch (error) {
      if ((error as { kind?: string }).kind !== "lease-not-found") options.onError?.(error);
      else lease = await ensureLeasedKey(client).catch((again: unknown) => void options.onError?.(again));
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), options.intervalMs ?? (LEASE_TTL_SECONDS * 1000) / 3);
  return { stop: () => clearInterval(timer) };
}
