"use client";
import type { V2Node } from "@/lib/etcd/wire";
import { RefreshCw, Timer } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import { ErrorNote, Field } from "@/components/ui/field";
import { putKey } from "@/lib/api/keys-client";
import type { ErrorText } from "@/lib/editor/error-text";
import { parseTtlField } from "@/lib/editor/ttl";
import { useValidationText } from "@/lib/hooks/use-validation-text";
import { useAfterWrite } from "@/lib/hooks/use-after-write";
import { errorText, isApiError } from "./error-text";

/** A directory's TTL: set, change or remove it (update with prevExist), or renew it (refresh). */
export function DirectoryTtl({ cluster, node }: { cluster: string; node: V2Node }) {
  const t = useTranslations("directory");
  const words = useValidationText();
  const afterWrite = useAfterWrite();
  const [text, setText] = useState<string | undefined>(undefined);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<ErrorText | null>(null);
  const [busy, setBusy] = useState(false);
  const shown = text ?? (node.expiration ? String(node.ttl ?? "") : "");

  async function run(kind: "set" | "refresh") {
    const field = parseTtlField(shown);
    if (!field.ok) return setFieldError(words.ttlProblem(field.problem));
    if (kind === "refresh" && field.ttl === null) return setFieldError(t("ttlRefreshNeedsTtl"));
    setFieldError(null);
    setError(null);
    setBusy(true);
    try {
      if (kind === "refresh") await putKey(cluster, node.key, { refresh: true, prevExist: true, ttl: field.ttl! });
      else await putKey(cluster, node.key, { dir: true, prevExist: true, ttl: field.ttl });
      toast.success(
        kind === "refresh"
          ? t("ttlRenewed", { key: node.key, ttl: field.ttl! })
          : field.ttl === null
            ? t("ttlRemoved", { key: node.key })
            : t("ttlSet", { key: node.key, ttl: field.ttl }),
      );
      setText(undefined);
      void afterWrite(cluster, node.key);
    } catch (caught) {
      setError(errorText(caught, kind === "refresh" ? "refresh" : "save", node.key));
      if (isApiError(caught) && caught.outcomeUnknown) void afterWrite(cluster, node.key);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-end gap-2">
        <Field
          label={t("ttlLabel")}
          inputMode="numeric"
          value={shown}
          onChange={(e) => setText(e.target.value)}
          error={fieldError}
          className="w-48"
        />
        <Button onClick={() => void run("set")} disabled={busy}>
          <Timer aria-hidden size={14} /> {t("ttlSetButton")}
        </Button>
        <Button onClick={() => void run("refresh")} disabled={busy}>
          <RefreshCw aria-hidden size={14} /> {t("ttlRefreshButton")}
        </Button>
      </div>
      <p className="text-xs text-muted">{t("ttlNote")}</p>
      <ErrorNote error={error} />
    </div>
  );
}
