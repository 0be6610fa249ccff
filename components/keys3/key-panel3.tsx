"use client";
import { useTranslations } from "use-intl";
import { errorText } from "@/components/keys/error-text";
import { ErrorNote } from "@/components/ui/field";
import { SkeletonRows } from "@/components/ui/skeleton-rows";
import { useKey3 } from "@/lib/hooks/use-keys3";
import { keyDisplay } from "@/lib/keyspace3/key-bytes";
import type { V3KeyTarget } from "@/lib/keyspace3/key-url";

export interface KeyPanel3Props {
  cluster: string;
  target: V3KeyTarget;
  onNavigate: (target: V3KeyTarget) => void;
}

/** The selected v3 key: its value and revisions (the first step: read only). */
export function KeyPanel3({ cluster, target }: KeyPanel3Props) {
  const t = useTranslations("keyPanel3");
  const key = target.kind === "key" ? target.key : null;
  const { data, error } = useKey3(cluster, key);
  if (!key) return null;
  const name = keyDisplay(key);
  if (error) return <ErrorNote error={errorText(error, "load", name)} />;
  if (!data) return <SkeletonRows label={name} rows={5} />;
  return (
    <article aria-label={name} className="space-y-4">
      <h1 className="break-all font-mono text-lg font-semibold">{name}</h1>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-muted">{t("createRevision")}</dt>
        <dd>{data.createRevision}</dd>
        <dt className="text-muted">{t("modRevision")}</dt>
        <dd>{data.modRevision}</dd>
        <dt className="text-muted">{t("version")}</dt>
        <dd>{data.version}</dd>
      </dl>
      <pre className="whitespace-pre-wrap break-all rounded-md border border-line bg-subtle p-2 font-mono text-xs">{data.value.text ?? data.value.base64}</pre>
    </article>
  );
}
