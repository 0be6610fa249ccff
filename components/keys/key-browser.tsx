"use client";
import { useRouter } from "next/navigation";
import { Suspense, use, useState } from "react";
import { useTranslations } from "use-intl";
import { KeyspaceSwitch } from "@/components/keys3/keyspace-switch";
import { useClusterParam } from "@/lib/hooks/use-cluster-param";
import { useValidationText } from "@/lib/hooks/use-validation-text";
import { keyProblem } from "@/lib/key-path";
import { keyPageHref } from "@/lib/keys-url";
import type { TreeSeed } from "@/lib/tree/seed";
import { CopyMoveHost } from "./copy-move-host";
import { KeyCommands } from "./key-commands";
import { KeyPanel } from "./key-panel";
import { KeyTree, type KeyTreeProps } from "./key-tree";
import { KeysSplit } from "./keys-split";
import { SearchResultsPane } from "./search-results-pane";

/**
 * The Keys page on the v2 keyspace: the tree on the left, the selected key on the right; the selection is the
 * URL. `seed`: the tree's first screen read on the server (a document load), or the promise of it, which the
 * tree then waits for in its own Suspense boundary (showing the tree without it meanwhile).
 */
export function KeyBrowser({ selectedKey, seed }: { selectedKey: string; seed?: TreeSeed | null | Promise<TreeSeed | null> }) {
  const t = useTranslations("keys");
  const cluster = useClusterParam();
  const router = useRouter();
  const navigate = (key: string) => router.push(keyPageHref(cluster, key));
  const problem = keyProblem(selectedKey);
  const words = useValidationText();
  const treeKey = problem ? "/" : selectedKey;
  return (
    <KeysSplit
      detail={selectedKey !== "/"}
      treeHref={keyPageHref(cluster, "/")}
      treeHeading={t("treeHeading", { cluster })}
      tree={
        <>
          <KeyspaceSwitch cluster={cluster} current="v2" />
          {seed instanceof Promise ? (
            <Suspense fallback={<KeyTree cluster={cluster} selectedKey={treeKey} onSelect={navigate} />}>
              <SeededKeyTree seed={seed} cluster={cluster} selectedKey={treeKey} onSelect={navigate} />
            </Suspense>
          ) : (
            <KeyTree cluster={cluster} selectedKey={treeKey} onSelect={navigate} seed={seed} />
          )}
        </>
      }
      panel={
        problem ? (
          <p role="alert" className="text-danger">
            {words.invalidKey(selectedKey, problem)}
          </p>
        ) : (
          <KeyPanel key={`${cluster}:${selectedKey}`} cluster={cluster} keyPath={selectedKey} onNavigate={navigate} />
        )
      }
    >
      <SearchResultsPane cluster={cluster} selectedKey={selectedKey} onOpen={navigate} />
      <CopyMoveHost onNavigate={navigate} />
      {problem ? null : <KeyCommands cluster={cluster} selectedKey={selectedKey} />}
    </KeysSplit>
  );
}

/** The tree with the seed it mounted with: a later seed (the layout rendered again) changes nothing. */
function SeededKeyTree({ seed, ...props }: Omit<KeyTreeProps, "seed"> & { seed: Promise<TreeSeed | null> }) {
  const [first] = useState(seed);
  return <KeyTree {...props} seed={use(first)} />;
}
