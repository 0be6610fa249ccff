// Types for etcd-harness.mjs (plain Node ESM so it runs before node_modules exists); keep in sync.

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
  error?: Error;
}

export const ETCD_BIN: string;

/**
 * Install etcd-server and / or etcd-client when /usr/bin/etcd or /usr/bin/etcdctl is missing: apt-get as root, otherwise
 * throws an Error whose message is exactly the command to run.
 */
export function ensureEtcdInstalled(): Promise<void>;

/** A free loopback TCP port, never the same one twice in this process. */
export function freePort(host?: string): Promise<number>;

export interface StartEtcdOptions {
  /** Kept on stop (e.g. the demo's). Default: a fresh temp dir, removed on stop. */
  dataDir?: string;
  /** Default "default"; must stay the same across restarts of a kept dataDir. */
  name?: string;
  /** Default: a free port (retried with new ports when the bind races with another process). */
  clientPort?: number;
  peerPort?: number;
  /** etcd's output goes there; the last ~200 lines are kept in memory anyway for error messages. */
  logFile?: string;
  /** Appended last, so they override the harness defaults. */
  extraArgs?: string[];
  /** Default 10 ms. */
  heartbeatInterval?: number;
  /** Default 100 ms. */
  electionTimeout?: number;
  /** Default 15000 ms. */
  startTimeoutMs?: number;
  /** Serve the client URL over https (peers stay http); clientURL is then https://127.0.0.1:PORT. */
  tls?: EtcdTlsOptions;
}

/**
 * TLS on the client URL (peers stay http). The readiness probe does not verify the server and presents
 * certFile/keyFile as its client certificate (as etcd's own gateway does): when etcd asks for client
 * certificates, give that certificate the clientAuth usage too (or no extendedKeyUsage at all).
 */
export interface EtcdTlsOptions {
  /** Server certificate (PEM), valid for 127.0.0.1. */
  certFile: string;
  keyFile: string;
  /**
   * --trusted-ca-file: CA of the client certificates etcd accepts. etcd 3.4 then requires a client
   * certificate, with or without clientCertAuth.
   */
  trustedCaFile?: string;
  /** --client-cert-auth: every client must present a certificate signed by trustedCaFile. */
  clientCertAuth?: boolean;
}

/** Where one etcd process listens and keeps its data. */
export interface EtcdAddresses {
  name: string;
  /** http://127.0.0.1:PORT (https:// with the tls option) */
  clientURL: string;
  peerURL: string;
  clientPort: number;
  peerPort: number;
  dataDir: string;
}

export interface EtcdHandle extends EtcdAddresses {
  pid: number;
  readonly running: boolean;
  /** Resolves (never rejects) when the process is gone, expected or not. */
  exited: Promise<ExitInfo>;
  /** The last captured output lines. */
  output(): string;
  /** SIGTERM, SIGKILL after 5 s, wait for exit, remove a temp dataDir. Idempotent. */
  stop(): Promise<void>;
  /** Send a signal; false when the process is already gone. */
  kill(signal?: NodeJS.Signals): boolean;
}

/** Start a standalone etcd (v2 enabled) on 127.0.0.1 and wait until /health is 200. */
export function startEtcd(opts?: StartEtcdOptions): Promise<EtcdHandle>;

/** Why etcd did not come up; the message ends with etcd's last output lines. */
export class EtcdStartError extends Error {
  constructor(message: string, busyPort: number | undefined);
  /** Set when etcd could not bind this port. */
  busyPort: number | undefined;
}

export interface StartClusterOptions {
  /** Default 3. */
  size?: number;
  /** Members use dataRoot/<name>, kept on stop. Default: a temp dir removed on stop. */
  dataRoot?: string;
  /** Member names are prefix1..prefixN; default "m". */
  namePrefix?: string;
  heartbeatInterval?: number;
  electionTimeout?: number;
  extraArgs?: string[];
  startTimeoutMs?: number;
}

export interface Member extends EtcdAddresses {
  /** True while the process exists, also when frozen. */
  readonly running: boolean;
  readonly frozen: boolean;
  /** 0 when not running. */
  readonly pid: number;
  /** Graceful stop; the data dir is kept for start(). */
  stop(): Promise<void>;
  /**
   * Restart with the same name, ports and data dir. Waits for /health 200 unless waitHealthy is
   * false (a member restarted without a quorum of running peers never becomes healthy).
   */
  start(opts?: { waitHealthy?: boolean; timeoutMs?: number }): Promise<void>;
  /** SIGSTOP: connections are accepted but nothing answers. */
  freeze(): void;
  /** SIGCONT. */
  thaw(): void;
  kill(signal?: NodeJS.Signals): boolean;
  /** From /v2/stats/self; stale ("StateLeader") while the cluster has no quorum. */
  isLeader(): Promise<boolean>;
}

export interface Cluster {
  members: Member[];
  /** Client URLs, in member order. */
  endpoints: string[];
  dataRoot: string;
  /** Until every running, unfrozen member's /health answers 200. Default timeout 15 s. */
  waitHealthy(opts?: { timeoutMs?: number }): Promise<void>;
  /** The running, unfrozen member that reports itself leader, if any. */
  leader(): Promise<Member | undefined>;
  /** Thaw frozen members, stop all, remove a temp data root. */
  stop(): Promise<void>;
}

/** Start `size` members in parallel with a shared --initial-cluster; resolves when all are healthy. */
export function startCluster(opts?: StartClusterOptions): Promise<Cluster>;
