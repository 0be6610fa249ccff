// Keep-alive connections to a cluster's members, over plain HTTP or TLS (a fresh connection per call
// doubles the overhead of a key read).
import "server-only";
import http from "node:http";
import https from "node:https";

export interface TlsOptions {
  ca?: string | Buffer;
  cert?: string | Buffer;
  key?: string | Buffer;
}

export class HttpAgents {
  private readonly httpAgent = new http.Agent({ keepAlive: true, maxSockets: 128, keepAliveMsecs: 10_000 });
  private readonly httpsAgent: https.Agent;

  constructor(tls: TlsOptions | undefined) {
    this.httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 128, ca: tls?.ca, cert: tls?.cert, key: tls?.key });
  }

  /** The agent for an endpoint's scheme. */
  for(url: URL): http.Agent {
    return url.protocol === "https:" ? this.httpsAgent : this.httpAgent;
  }

  destroy(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}
