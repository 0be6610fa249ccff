"use client";
import { useRouter } from "next/navigation";
import { useClusterParam } from "@/lib/hooks/use-cluster-param";
import { keyProblem } from "@/lib/key-path";
import { keyPageHref } from "@/lib/keys-url";
import { CopyMoveHost } from "./copy-move-dialog";
import { KeyPanel } from "./key-panel";
import { KeyTree } from "./key-tree";

/** The Keys page: the tree on the left, the selected key on the right; the selection is the URL. */
export function KeyBrowser({ selectedKey }: { selectedKey: string }) {
  const cluster = useClusterParam();
  const router = useRouter();
  const navigate = (key: string) => router.push(keyPageHref(cluster, key));
  const problem = keyProblem(selectedKey);
  return (
    <div className="flex h-screen min-h-0">
      <section aria-label="Key tree" className="flex w-96 shrink-0 flex-col border-r border-zinc-200 dark:border-zinc-800">
        <KeyTree cluster={cluster} selectedKey={problem ? "/" : selectedKey} onSelect={navigate} />
      </section>
      <section aria-label="Selected key" className="min-w-0 flex-1 overflow-auto p-6">
        {problem ? (
          <p role="alert" className="text-red-700 dark:text-red-300">
            {`"${selectedKey}" is not a valid key: ${problem}.`}
          </p>
        ) : (
          <KeyPanel key={`${cluster}:${selectedKey}`} cluster={cluster} keyPath={selectedKey} onNavigate={navigate} />
        )}
      </section>
      <CopyMoveHost onNavigate={navigate} />
    </div>
  );
}
