"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "use-intl";
import type { z } from "zod";
import { KeysSplit } from "@/components/keys/keys-split";
import { StreamIndicator } from "@/components/watch/stream-indicator";
import { LiveKeys3Context, useLiveKeys3 } from "@/lib/hooks/use-live-keys3";
import { keyspaceRootHref, v3KeysPageHref, type V3KeyTarget, type V3KeysPageQuery } from "@/lib/keyspace3/key-url";
import { KeyPanel3 } from "./key-panel3";
import { KeyTree3 } from "./key-tree3";
import { KeyspaceSwitch } from "./keyspace-switch";

const ROOT: V3KeyTarget = { kind: "root" };

/**
 * The Keys page on the v3 keyspace: the same frame as v2 (KeysSplit), the v3 tree and the v3 key panel, and the
 * page's one live stream (every key), which both listen to. The selection is the URL (`/keys?keyspace=v3&key=…` or
 * `dir=…`); a malformed one says why in the panel and the tree shows from the root.
 */
export function KeyBrowser3({ cluster, query }: { cluster: string; query: z.ZodSafeParseResult<V3KeysPageQuery> }) {
  const t = useTranslations("keys");
  const router = useRouter();
  const navigate = (target: V3KeyTarget) => router.push(v3KeysPageHref(cluster, target));
  const target = query.success ? query.data.target : ROOT;
  const live = useLiveKeys3(cluster);
  const liveIndicator = <StreamIndicator stream={live} label={t("liveUpdates")} />;
  return (
    <LiveKeys3Context value={live}>
      <KeysSplit
        detail={target.kind !== "root" || !query.success}
        treeHref={keyspaceRootHref(cluster, "v3")}
        treeHeading={t("treeHeading", { cluster })}
        live={liveIndicator}
        tree={
          <>
            <KeyspaceSwitch cluster={cluster} current="v3" />
            <div className="flex justify-end border-b border-line px-2 py-1">{liveIndicator}</div>
            <KeyTree3 cluster={cluster} target={target} onSelect={navigate} />
          </>
        }
        panel={
          query.success ? (
            <KeyPanel3 key={`${cluster}:${v3KeysPageHref(cluster, target)}`} cluster={cluster} target={target} onNavigate={navigate} />
          ) : (
            <p role="alert" className="text-danger">
              {query.error.issues.map((issue) => `${issue.path.join(".") || "query"}: ${issue.message}`).join("; ")}
            </p>
          )
        }
      />
    </LiveKeys3Context>
  );
}
