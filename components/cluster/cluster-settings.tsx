import type { ReactNode } from "react";
import type { ClusterOverview } from "@/lib/api/cluster-overview";
import { formatMilliseconds } from "@/lib/cluster-page/format";

const onOff = (on: boolean) => (on ? "on" : "off");

/** How this dashboard reaches the cluster: endpoints, TLS, auth and timeouts; never a credential. */
export function ConnectionSettings({ connection }: { connection: ClusterOverview["connection"] }) {
  const rows: [string, ReactNode][] = [
    ["Cluster", connection.name],
    ["Endpoints", <span key="e" className="font-mono text-xs">{connection.endpoints.join(", ")}</span>],
    ["Requests go to", <EndpointStates key="s" states={connection.endpointStates} />],
    ["TLS", `${onOff(connection.tls)}${connection.tls ? `, client certificate ${onOff(connection.clientCertificate)}` : ""}`],
    ["Auth", onOff(connection.auth)],
    ["Read timeout", formatMilliseconds(connection.requestTimeoutMs)],
    ["Write timeout", formatMilliseconds(connection.writeTimeoutMs)],
    ["Stats interval", formatMilliseconds(connection.statsIntervalMs)],
  ];
  return (
    <dl aria-label="Connection settings" className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
      {rows.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="text-muted">{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The endpoint in use and those set aside after a failure, so a failover is visible. */
function EndpointStates({ states }: { states: ClusterOverview["connection"]["endpointStates"] }) {
  return (
    <ul aria-label="Endpoint states" className="font-mono text-xs">
      {states.map((state) => (
        <li key={state.url}>
          {state.url}
          {state.learned ? " (learned from /v2/members)" : ""}
          {state.inUse ? " — in use" : ""}
          {state.setAsideUntil !== undefined ? ` — set aside after a failure${state.lastError ? `: ${state.lastError}` : ""}` : ""}
        </li>
      ))}
    </ul>
  );
}

/** The cluster's own configuration: each member's URLs, /v2/machines and the cluster version. */
export function ClusterConfiguration({ machines, members, clusterVersion }: { machines: string[]; members: { id: string; name: string; peerURLs: string[]; clientURLs: string[] }[]; clusterVersion?: string }) {
  return (
    <dl aria-label="Cluster configuration" className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
      <dt className="text-muted">Cluster version</dt>
      <dd className="font-mono">{clusterVersion ?? "unknown"}</dd>
      <dt className="text-muted">Machines</dt>
      <dd className="font-mono text-xs">{machines.length ? machines.join(", ") : "none reported"}</dd>
      {members.map((m) => (
        <div key={m.id} className="contents">
          <dt className="text-muted">{m.name || m.id}</dt>
          <dd className="font-mono text-xs">
            peers {m.peerURLs.join(", ")}; clients {m.clientURLs.join(", ") || "none yet"}
          </dd>
        </div>
      ))}
    </dl>
  );
}
