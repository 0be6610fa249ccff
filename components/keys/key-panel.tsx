"use client";
import { useKey } from "@/lib/hooks/use-key";

export interface KeyPanelProps {
  cluster: string;
  keyPath: string;
  onNavigate: (key: string) => void;
}

/** The selected key: its value and indexes, or a directory's summary. */
export function KeyPanel({ cluster, keyPath }: KeyPanelProps) {
  const { data, error, isLoading } = useKey(cluster, keyPath);
  if (isLoading) return <p role="status">Loading {keyPath}…</p>;
  if (error) {
    return (
      <p role="alert">
        {error.code === "key_not_found" ? `${keyPath} does not exist.` : error.message}
      </p>
    );
  }
  const node = data?.node;
  if (!node) return null;
  return (
    <article aria-label={`Key ${keyPath}`} className="space-y-3">
      <h1 className="break-all font-mono text-lg">{keyPath}</h1>
      {node.dir ? (
        <p>Directory with {node.nodes?.length ?? 0} children.</p>
      ) : (
        <pre aria-label="Value" className="whitespace-pre-wrap break-all rounded-md bg-zinc-50 p-3 font-mono text-sm dark:bg-zinc-900">
          {node.value}
        </pre>
      )}
      <p className="text-xs text-zinc-500">
        createdIndex {node.createdIndex ?? "–"} · modifiedIndex {node.modifiedIndex ?? "–"}
      </p>
    </article>
  );
}
