import { describe, expect, it } from "vitest";
import { ConfigError, DEFAULT_ENDPOINTS, configFileSchema, envSchema, resolveClusters } from "./schema";

const env = (vars: Record<string, string>) => envSchema.parse(vars);

describe("configuration", () => {
  it("defaults to the local etcd on 2379 and the old v2 port 4001", () => {
    const [cluster] = resolveClusters(env({}), undefined);
    expect(cluster).toMatchObject({ name: "default", endpoints: DEFAULT_ENDPOINTS, requestTimeoutMs: 5000, writeTimeoutMs: 10000 });
  });

  it("reads ETCD_ENDPOINTS and the default cluster's credentials and TLS files", () => {
    const [cluster] = resolveClusters(
      env({
        ETCD_ENDPOINTS: " https://e1:2379/, https://e2:2379 ",
        ETCD_USERNAME: "root",
        ETCD_PASSWORD: "pw",
        ETCD_CA_FILE: "/ca.pem",
        ETCD_TIMEOUT_MS: "2500",
        ETCD_STATS_INTERVAL_MS: "5000",
      }),
      undefined,
    );
    expect(cluster).toMatchObject({
      endpoints: ["https://e1:2379", "https://e2:2379"],
      username: "root",
      password: "pw",
      tls: { ca: "/ca.pem" },
      requestTimeoutMs: 2500,
      statsIntervalMs: 5000,
    });
    expect(resolveClusters(env({}), undefined)[0]!.statsIntervalMs).toBe(2000);
    expect(() => resolveClusters(env({ ETCD_STATS_INTERVAL_MS: "100" }), undefined)).toThrow(ConfigError);
  });

  it("explains a bad endpoint clearly", () => {
    expect(() => resolveClusters(env({ ETCD_ENDPOINTS: "127.0.0.1:2379" }), undefined)).toThrow(ConfigError);
    expect(() => resolveClusters(env({ ETCD_ENDPOINTS: "http://user:pw@h:1" }), undefined)).toThrow(/credentials/);
    expect(() => resolveClusters(env({ ETCD_ENDPOINTS: "ftp://h:1" }), undefined)).toThrow(/http/);
    expect(() => envSchema.parse({ ETCD_TIMEOUT_MS: "soon" })).toThrow();
  });

  it("adds the config file's clusters after `default`, unless the file defines `default`", () => {
    const file = configFileSchema.parse({
      clusters: [{ name: "prod", endpoints: ["https://p:2379"], username: "u", password: "p", tls: { ca: "/c", cert: "/x", key: "/k" } }],
    });
    expect(resolveClusters(env({}), file).map((c) => c.name)).toEqual(["default", "prod"]);
    const withDefault = configFileSchema.parse({ clusters: [{ name: "default", endpoints: ["http://d:2379"] }] });
    expect(resolveClusters(env({}), withDefault).map((c) => c.endpoints)).toEqual([["http://d:2379"]]);
  });

  it("takes the keyspaces a cluster shows, from the file or ETCD_KEYSPACES; by default none is named", () => {
    expect(resolveClusters(env({}), undefined)[0]!.keyspaces).toBeUndefined();
    expect(resolveClusters(env({ ETCD_KEYSPACES: " v3 " }), undefined)[0]!.keyspaces).toEqual(["v3"]);
    expect(resolveClusters(env({ ETCD_KEYSPACES: "v2,v3" }), undefined)[0]!.keyspaces).toEqual(["v2", "v3"]);
    expect(() => resolveClusters(env({ ETCD_KEYSPACES: "v4" }), undefined)).toThrow(/keyspace is "v2" or "v3"/);
    expect(() => resolveClusters(env({ ETCD_KEYSPACES: "v3,v3" }), undefined)).toThrow(/each keyspace once/);
    const file = configFileSchema.parse({ clusters: [{ name: "new", endpoints: ["http://n:2379"], keyspaces: ["v3"] }] });
    expect(resolveClusters(env({}), file)[1]!.keyspaces).toEqual(["v3"]);
  });

  it.each([
    [{ clusters: [{ name: "a", endpoints: ["http://h:1"], keyspaces: [] }] }],
    [{ clusters: [] }],
    [{ clusters: [{ name: "a", endpoints: [] }] }],
    [{ clusters: [{ name: "bad name!", endpoints: ["http://h:1"] }] }],
    [{ clusters: [{ name: "a", endpoints: ["http://h:1"], username: "u" }] }],
    [{ clusters: [{ name: "a", endpoints: ["http://h:1"], tls: { cert: "/c" } }] }],
    [{ clusters: [{ name: "a", endpoints: ["http://h:1"], requestTimeoutMs: -5 }] }],
    [{ clusters: [{ name: "a", endpoints: ["http://h:1"] }, { name: "a", endpoints: ["http://h:2"] }] }],
    [{ clusters: [{ name: "a", endpoints: ["http://h:1"], endpoint: "typo" }] }],
  ])("rejects the config file %j", (file) => {
    expect(configFileSchema.safeParse(file).success).toBe(false);
  });
});
