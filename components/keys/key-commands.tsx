"use client";
// The Keys page's actions on the selected key, offered in the command palette (Ctrl/Cmd+K): what the panel
// and the tree's menu offer, reachable by typing. Write actions only for those who may write.
import { useMemo } from "react";
import { useRegisterCommands, type Command } from "@/lib/commands/registry";
import { useAccess } from "@/lib/hooks/use-access";
import { openCopyMove } from "./copy-move-host";

export function KeyCommands({ cluster, selectedKey }: { cluster: string; selectedKey: string }) {
  const { canWrite } = useAccess(cluster);
  const commands = useMemo(() => {
    const list: Command[] = [];
    if (canWrite && selectedKey !== "/") {
      list.push(
        { id: "key copy", label: `Copy ${selectedKey}…`, group: "Selected key", keywords: ["duplicate"], run: () => openCopyMove({ cluster, from: selectedKey, mode: "copy" }) },
        { id: "key move", label: `Move ${selectedKey}…`, group: "Selected key", keywords: ["rename"], run: () => openCopyMove({ cluster, from: selectedKey, mode: "move" }) },
      );
    }
    return list;
  }, [canWrite, cluster, selectedKey]);
  useRegisterCommands("selected key", commands);
  return null;
}
