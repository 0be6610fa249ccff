"use client";

import type { V2Node } from "@/lib/etcd/wire";
import { useNow } from "@/lib/hooks/use-now";
import { formatCountdown, remainingSeconds } from "@/lib/editor/ttl";

/** Indexes, TTL and expiration with a countdown that ticks every second. */
export function KeyDetails({ node }: { node: V2Node }) {
  const now = useNow(1000);
  const left = node.expiration ? remainingSeconds(node.expiration, now) : null;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
      <dt className="text-zinc-500">createdIndex</dt>
      <dd className="font-mono">{node.createdIndex ?? "–"}</dd>
      <dt className="text-zinc-500">modifiedIndex</dt>
      <dd className="font-mono">{node.modifiedIndex ?? "–"}</dd>
      <dt className="text-zinc-500">TTL</dt>
      <dd className="font-mono">{node.expiration ? `${node.ttl ?? 0} s when loaded` : "none (permanent)"}</dd>
      {node.expiration ? (
        <>
          <dt className="text-zinc-500">Expires</dt>
          <dd className="font-mono">
            <span role="timer" aria-label="Time left">
              {left !== null && left > 0 ? `in ${formatCountdown(left)}` : "expired"}
            </span>{" "}
            <span className="text-zinc-500">({node.expiration})</span>
          </dd>
        </>
      ) : null}
    </dl>
  );
}
