"use client";
import { useTranslations } from "use-intl";
import type { ErrorKind } from "@/lib/api/error-kind";
import type { ErrorText } from "@/lib/editor/error-text";
import { ErrorWordsView } from "./error-words-view";
import { useKindWords } from "./use-error-words";

/** Kinds whose API message says something the shared words cannot (which field, etcd's own reason). */
const WITH_DETAIL: ReadonlySet<ErrorKind> = new Set(["invalidInput", "etcdRejected"]);

/** A failure of a shared kind where it happened (a dialog, the key panel), in the same words as everywhere. */
export function KindErrorNote({ error }: { error: ErrorText & { kind: ErrorKind } }) {
  const t = useTranslations("errors");
  const words = useKindWords()(error.kind);
  return (
    <ErrorWordsView words={words}>
      {WITH_DETAIL.has(error.kind) ? <p className="mt-1 font-mono text-xs">{error.message}</p> : null}
      {error.etcdCode !== undefined ? <p className="mt-0.5 text-xs opacity-75">{t("etcdCode", { code: error.etcdCode })}</p> : null}
    </ErrorWordsView>
  );
}
