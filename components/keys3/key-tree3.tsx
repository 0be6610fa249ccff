"use client";
import { useTranslations } from "use-intl";
import { ErrorNote } from "@/components/ui/field";
import { SkeletonRows } from "@/components/ui/skeleton-rows";
import { errorText } from "@/components/keys/error-text";
import type { Child3 } from "@/lib/api/keys3";
import { useDir3 } from "@/lib/hooks/use-keys3";
import { parseKeyDisplay } from "@/lib/keyspace3/key-bytes";
import type { V3KeyTarget } from "@/lib/keyspace3/key-url";

export interface KeyTree3Props {
  cluster: string;
  /** What the URL selects. */
  target: V3KeyTarget;
  onSelect: (target: V3KeyTarget) => void;
}

const ROOT = new Uint8Array(0);

/** The target a row opens: its key, or its directory. */
function targetOf(child: Child3): V3KeyTarget | null {
  const parse = parseKeyDisplay(child.key);
  if (!parse.ok) return null;
  return child.kind === "dir" ? { kind: "dir", prefix: parse.bytes } : { kind: "key", key: parse.bytes };
}

/** The v3 tree: the root's children, one level (the first step; directories open on the page). */
export function KeyTree3({ cluster, target, onSelect }: KeyTree3Props) {
  const t = useTranslations("tree");
  const { data, error } = useDir3(cluster, ROOT);
  if (error) return <ErrorNote error={errorText(error, "load", "/")} />;
  if (!data) return <SkeletonRows label={t("label")} rows={5} />;
  const selected = target.kind === "root" ? null : target.kind === "key" ? `k:${data.dir}` : `d:${data.dir}`;
  return (
    <div role="tree" aria-label={t("label")} className="min-h-0 flex-1 overflow-auto py-1 text-sm">
      {data.children.map((child) => (
        <div
          key={`${child.kind}:${child.key}`}
          role="treeitem"
          aria-level={1}
          aria-selected={selected === `${child.kind[0]}:${child.key}`}
          aria-label={child.name}
          tabIndex={-1}
          className="cursor-pointer px-2 py-1 hover:bg-hover"
          onClick={() => {
            const next = targetOf(child);
            if (next) onSelect(next);
          }}
        >
          {child.name}
        </div>
      ))}
    </div>
  );
}
