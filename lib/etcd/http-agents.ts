// Keep-alive connections to a cluster's members, over plain HTTP or TLS (a fresh connection per call
// doubles the overhead of a key read). Long polls (watches) get connection pools of their own: a long
// poll holds its socket for up to a minute, so in a shared pool a few hundred watches would leave every
// ordinary request queued behind them until its deadline.
import "server-only";
import http from "node:http";
import https from "node:https";

export interface TlsOptions {
  ca?: string | Buffer;
  cert?: string | Buffer;
  key?: string | Buffer;
}

/** Sockets per member for ordinary requests (reads, writes, stats). */
const REQUEST_SOCKETS = 128;
/** Sockets per member for long polls: one per watched key and recursion, however many browsers watch it. */
const LONG_POLL_SOCKETS = 2_048;

interface AgentPair {
  http: http.Agent;
  https: https.Agent;
}

function agentPair(tls: TlsOptions | undefined, maxSockets: number): AgentPair {
  return {
    http: new http.Agent({ keepAlive: true, maxSockets, keepAliveMsecs: 10_000 }),
    https: new https.Agent({ keepAlive: true, maxSockets, ca: tls?.ca, cert: tls?.cert, key: tls?.key }),
  };
}

export class HttpAgents {
  private readonly requests: AgentPair;
  private readonly longPolls: AgentPair;

  constructor(tls: TlsOptions | undefined) {
    this.requests = agentPair(tls, REQUEST_SOCKETS);
    this.longPolls = agentPair(tls, LONG_POLL_SOCKETS);
  }

  /** The agent for an endpoint's scheme, from the long-poll pool or the one of ordinary requests. */
  for(url: URL, longPoll = false): http.Agent {
    const pair = longPoll ? this.longPolls : this.requests;
    return url.protocol === "https:" ? pair.https : pair.http;
  }

  destroy(): void {
    for (const pair of [this.requests, this.longPolls]) {
      pair.http.destroy();
      pair.https.destroy();
    }
  }
}
