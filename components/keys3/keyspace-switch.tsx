"use client";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useTranslations } from "use-intl";
import { useKeyspaces } from "@/lib/hooks/use-keyspaces";
import { keyspaceRootHref } from "@/lib/keyspace3/key-url";
import type { Keyspace } from "@/lib/keyspaces/support";

/**
 * The Keys page's "Keyspace" choice (v2 / v3), where the cluster offers both: choosing one opens its tree at the
 * root (a key of one keyspace names nothing in the other). The URL holds the keyspace, so this is a navigation.
 * A cluster without v2 shows no choice but says why (etcd 3.6 removed v2, v2 not enabled, or configured away).
 */
export function KeyspaceSwitch({ cluster, current }: { cluster: string; current: Keyspace }) {
  const t = useTranslations("keys3.keyspace");
  const router = useRouter();
  const name = useId();
  // Checked at once, while the navigation to the other keyspace's page is under way.
  const [chosen, setChosen] = useState(current);
  const { data } = useKeyspaces(cluster);
  if (!data) return null;
  if (data.offered.length < 2) {
    if (!data.v2Absence || current !== "v3") return null;
    return (
      <p role="note" className="border-b border-line px-3 py-2 text-xs text-muted">
        {t(`v2Absence.${data.v2Absence}`, { version: data.version ?? "" })}
      </p>
    );
  }
  return (
    <div role="radiogroup" aria-label={t("label")} className="flex items-center gap-2 border-b border-line px-2 py-1.5 text-sm">
      <span aria-hidden className="text-xs font-medium text-muted">
        {t("label")}
      </span>
      {data.offered.map((keyspace) => (
        <label
          key={keyspace}
          className="inline-flex cursor-pointer items-center rounded-md border border-line px-2 py-0.5 has-checked:border-accent has-checked:bg-accent has-checked:font-medium has-checked:text-on-accent has-focus-visible:outline-2 has-focus-visible:outline-focus"
        >
          <input
            type="radio"
            className="sr-only"
            name={name}
            value={keyspace}
            checked={keyspace === chosen}
            onChange={() => {
              setChosen(keyspace);
              router.push(keyspaceRootHref(cluster, keyspace));
            }}
          />
          {keyspace}
        </label>
      ))}
    </div>
  );
}
