"use client";

import type { V2Node } from "@/lib/etcd/wire";
import { useTranslations } from "use-intl";
import { TtlCountdown } from "./ttl-countdown";

/**
 * The indexes, and the TTL as a live countdown unless `withTtl` is false (the key editor shows the TTL
 * once, with its actions: key-ttl.tsx).
 */
export function KeyDetails({ node, withTtl = true }: { node: V2Node; withTtl?: boolean }) {
  const t = useTranslations("keyPanel");
  return (
    <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
      <div className="flex gap-2">
        <dt className="text-muted">{t("details.createdIndex")}</dt>
        <dd className="font-mono">{node.createdIndex ?? "–"}</dd>
      </div>
      <div className="flex gap-2">
        <dt className="text-muted">{t("details.modifiedIndex")}</dt>
        <dd className="font-mono">{node.modifiedIndex ?? "–"}</dd>
      </div>
      {withTtl ? (
        <div className="flex gap-2">
          <dt className="text-muted">{t("ttl.label")}</dt>
          <dd>{node.expiration ? <TtlCountdown expiration={node.expiration} /> : t("ttl.none")}</dd>
        </div>
      ) : null}
    </dl>
  );
}
