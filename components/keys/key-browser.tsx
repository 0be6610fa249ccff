"use client";
import { useRouter } from "next/navigation";
import { Suspense, use, useState } from "react";
import { useClusterParam } from "@/lib/hooks/use-cluster-param";
import { useValidationText } from "@/lib/hooks/use-validation-text";
import { keyProblem } from "@/lib/key-path";
import { keyPageHref } from "@/lib/keys-url";
import type { TreeSeed } from "@/lib/tree/seed";
import { CopyMoveHost } from "./copy-move-host";
import { KeyCommands } from "./key-commands";
import { KeyPanel } from "./key-panel";
import { KeyTree, type KeyTreeProps } from "./key-tree";
import { SearchResultsPane } from "./search-results-pane";

/**
 * The Keys page: the tree on the left, the selected key on the right; the selection is the URL. `seed`: the
 * tree's first screen read on the server (a document load), or the promise of it, which the tree then waits
 * for in its own Suspense boundary (showing the tree without it meanwhile).
 */
export function KeyBrowser({ selectedKey, seed }: { selectedKey: string; seed?: TreeSeed | null | Promise<TreeSeed | null> }) {
  const cluster = useClusterParam();
  const router = useRouter();
  const navigate = (key: string) => router.push(keyPageHref(cluster, key));
  const problem = keyProblem(selectedKey);
  const words = useValidationText();
  return (
    <div className="flex h-screen min-h-0">
      <section aria-label="Key tree" className="flex w-96 shrink-0 flex-col border-r border-line">
        {seed instanceof Promise ? (
          <Suspense fallback={<KeyTree cluster={cluster} selectedKey={problem ? "/" : selectedKey} onSelect={navigate} />}>
            <SeededKeyTree seed={seed} cluster={cluster} selectedKey={problem ? "/" : selectedKey} onSelect={navigate} />
          </Suspense>
        ) : (
          <KeyTree cluster={cluster} selectedKey={problem ? "/" : selectedKey} onSelect={navigate} seed={seed} />
        )}
      </section>
      <section aria-label="Selected key" className="min-w-0 flex-1 overflow-auto p-6">
        {problem ? (
          <p role="alert" className="text-danger">
            {words.invalidKey(selectedKey, problem)}
          </p>
        ) : (
          <KeyPanel key={`${cluster}:${selectedKey}`} cluster={cluster} keyPath={selectedKey} onNavigate={navigate} />
        )}
      </section>
      <SearchResultsPane cluster={cluster} selectedKey={selectedKey} onOpen={navigate} />
      <CopyMoveHost onNavigate={navigate} />
      {problem ? null : <KeyCommands cluster={cluster} selectedKey={selectedKey} />}
    </div>
  );
}

/** The tree with the seed it mounted with: a later seed (the layout rendered again) changes nothing. */
function SeededKeyTree({ seed, ...props }: Omit<KeyTreeProps, "seed"> & { seed: Promise<TreeSeed | null> }) {
  const [first] = useState(seed);
  return <KeyTree {...props} seed={use(first)} />;
}
