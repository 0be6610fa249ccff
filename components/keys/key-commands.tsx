"use client";
// The Keys page's actions on the selected key, offered in the command palette (Ctrl/Cmd+K): what the panel
// and the tree's menu offer, reachable by typing. Write actions only for those who may write.
import { useMemo } from "react";
import { useTranslations } from "use-intl";
import { useRegisterCommands, type Command } from "@/lib/commands/registry";
import { useAccess } from "@/lib/hooks/use-access";
import { openCopyMove } from "./copy-move-host";

export function KeyCommands({ cluster, selectedKey }: { cluster: string; selectedKey: string }) {
  const t = useTranslations("keys.commands");
  const { canWrite } = useAccess(cluster);
  const commands = useMemo(() => {
    const list: Command[] = [];
    if (canWrite && selectedKey !== "/") {
      list.push(
        { id: "key copy", label: t("copy", { key: selectedKey }), group: t("group"), keywords: ["duplicate"], run: () => openCopyMove({ cluster, from: selectedKey, mode: "copy" }) },
        { id: "key move", label: t("move", { key: selectedKey }), group: t("group"), keywords: ["rename"], run: () => openCopyMove({ cluster, from: selectedKey, mode: "move" }) },
      );
    }
    return list;
  }, [canWrite, cluster, selectedKey, t]);
  useRegisterCommands("selected key", commands);
  return null;
}
