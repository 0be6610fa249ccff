"use client";
import type { ReactNode } from "react";
import { useFormatter, useTranslations } from "use-intl";
import type { ClusterOverview } from "@/lib/api/cluster-overview";
import { formatMilliseconds } from "@/lib/cluster-page/format";

/** How this dashboard reaches the cluster: endpoints, TLS, auth and timeouts; never a credential. */
export function ConnectionSettings({ connection }: { connection: ClusterOverview["connection"] }) {
  const t = useTranslations("cluster.settings");
  const format = useFormatter();
  const onOff = (on: boolean) => t("onOff", { on: String(on) });
  const rows: [string, ReactNode][] = [
    [t("cluster"), connection.name],
    [t("endpoints"), <span key="e" className="font-mono text-xs">{connection.endpoints.join(", ")}</span>],
    [t("requestsGoTo"), <EndpointStates key="s" states={connection.endpointStates} />],
    [t("tls"), connection.tls ? t("tlsOn", { certificate: String(connection.clientCertificate) }) : onOff(false)],
    [t("auth"), onOff(connection.auth)],
    [t("readTimeout"), formatMilliseconds(connection.requestTimeoutMs, format)],
    [t("writeTimeout"), formatMilliseconds(connection.writeTimeoutMs, format)],
    [t("statsInterval"), formatMilliseconds(connection.statsIntervalMs, format)],
  ];
  return (
    <dl aria-label={t("label")} className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
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
  const t = useTranslations("cluster.settings");
  return (
    <ul aria-label={t("endpointStates")} className="font-mono text-xs">
      {states.map((state) => (
        <li key={state.url}>
          {state.url}
          {state.learned ? t("learned") : ""}
          {state.inUse ? t("inUse") : ""}
          {state.setAsideUntil !== undefined ? (state.lastError ? t("setAsideBecause", { error: state.lastError }) : t("setAside")) : ""}
        </li>
      ))}
    </ul>
  );
}

/** The cluster's own configuration: each member's URLs, /v2/machines (undefined without v2) and the cluster version. */
export function ClusterConfiguration({ machines, members, clusterVersion }: { machines: string[] | undefined; members: { id: string; name: string; peerURLs: string[]; clientURLs: string[] }[]; clusterVersion?: string }) {
  const t = useTranslations("cluster");
  return (
    <dl aria-label={t("settings.configuration")} className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
      <dt className="text-muted">{t("settings.clusterVersion")}</dt>
      <dd className="font-mono">{clusterVersion ?? t("versions.unknown")}</dd>
      <dt className="text-muted">{t("settings.machines")}</dt>
      <dd className="font-mono text-xs">{machines === undefined ? <span className="font-sans text-muted">{t("withoutV2.machines")}</span> : machines.length ? machines.join(", ") : t("settings.noneReported")}</dd>
      {members.map((m) => (
        <div key={m.id} className="contents">
          <dt className="text-muted">{m.name || m.id}</dt>
          <dd className="font-mono text-xs">{t("settings.memberURLs", { peers: m.peerURLs.join(", "), clients: m.clientURLs.join(", ") || t("settings.noneYet") })}</dd>
        </div>
      ))}
    </dl>
  );
}
