"use client";
import { Plus } from "lucide-react";
import type { ReactNode } from "react";
import { useTranslations } from "use-intl";
import { Section } from "@/components/cluster/section";
import { CELL, DataTable } from "@/components/cluster/table";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/field";
import { authErrorText } from "./error-text";

export interface AuthTableSectionProps<T extends { name: string }> {
  id: string;
  /** "Users", "Roles": the heading and the table's caption. */
  title: string;
  /** The Create button, and the lines while loading and when there are none. */
  texts: { create: string; loading: string; none: string };
  items: T[] | undefined;
  error?: Error;
  /** Admins of this cluster: the Create button and each row's actions. */
  canManage: boolean;
  onCreate: () => void;
  /** The columns after the name. */
  columns: string[];
  cells: (item: T) => ReactNode;
  /** A row's action buttons (only asked for when canManage). */
  actions: (item: T) => ReactNode;
}

/** One section of the etcd auth page: users or roles, as a table with a row's actions for admins. */
export function AuthTableSection<T extends { name: string }>({ id, title, texts, items, error, canManage, onCreate, columns, cells, actions }: AuthTableSectionProps<T>) {
  const t = useTranslations("etcdAuth.table");
  const tAuth = useTranslations("etcdAuth");
  return (
    <Section
      id={id}
      title={title}
      actions={
        canManage ? (
          <Button onClick={onCreate}>
            <Plus aria-hidden size={14} />
            {texts.create}
          </Button>
        ) : null
      }
    >
      {error ? <ErrorNote error={authErrorText(error, tAuth("checkLists"))} /> : null}
      {!items ? (
        error ? null : <p className="text-sm text-muted">{texts.loading}</p>
      ) : items.length === 0 ? (
        <p className="text-sm text-muted">{texts.none}</p>
      ) : (
        <DataTable caption={title} columns={[t("name"), ...columns, ...(canManage ? [<span key="a" className="sr-only">{t("actions")}</span>] : [])]}>
          {items.map((item) => (
            <tr key={item.name}>
              <th scope="row" className={`${CELL} font-mono font-medium`}>
                {item.name}
              </th>
              {cells(item)}
              {canManage ? <td className={`${CELL} text-right`}>{actions(item)}</td> : null}
            </tr>
          ))}
        </DataTable>
      )}
    </Section>
  );
}
