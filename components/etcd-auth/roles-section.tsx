"use client";
import { useAccess } from "@/lib/hooks/use-access";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { useTranslations } from "use-intl";
import { MONO_CELL } from "@/components/cluster/table";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, TextAreaField } from "@/components/ui/field";
import { changeRole, createRole, deleteRole } from "@/lib/api/etcd-auth-client";
import { issuesFromZod } from "@/lib/api/errors";
import { authNameSchema, createRoleBodySchema } from "@/lib/api/schemas";
import type { AuthRole, AuthUser, KvPermissions } from "@/lib/api/types";
import { parsePatterns, permissionChange } from "@/lib/etcd-auth/patterns";
import { AuthTableSection } from "./auth-table-section";
import { ConfirmDialog } from "./confirm-dialog";
import { DialogActions, useAuthAction } from "./form-parts";

export interface RolesSectionProps {
  cluster: string;
  roles: AuthRole[] | undefined;
  users: AuthUser[] | undefined;
  error?: Error;
  onChanged: () => void;
}

type Editing = { kind: "edit" | "delete"; role: AuthRole } | null;

function Patterns({ list }: { list: string[] }) {
  const t = useTranslations("etcdAuth.roles");
  return list.length ? <>{list.join("\n")}</> : <span className="font-sans text-muted">{t("none")}</span>;
}

export function RolesSection({ cluster, roles, users, error, onChanged }: RolesSectionProps) {
  const t = useTranslations("etcdAuth.roles");
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  const close = () => setEditing(null);
  const { canManage } = useAccess(cluster);
  const holders = editing ? (users ?? []).filter((u) => u.roles.includes(editing.role.name)).map((u) => u.name) : [];

  return (
    <>
      <AuthTableSection
        id="auth-roles-heading"
        title={t("title")}
        texts={{ create: t("create"), loading: t("loading"), none: t("noRoles") }}
        items={roles}
        error={error}
        canManage={canManage}
        onCreate={() => setCreating(true)}
        columns={[t("read"), t("write")]}
        cells={(role) => (
          <>
            <td className={`${MONO_CELL} whitespace-pre-line`}>
              <Patterns list={role.permissions.read} />
            </td>
            <td className={`${MONO_CELL} whitespace-pre-line`}>
              <Patterns list={role.permissions.write} />
            </td>
          </>
        )}
        actions={(role) =>
          role.name === "root" ? (
            <span className="text-xs text-muted">{t("protected")}</span>
          ) : (
            <div className="flex justify-end gap-1.5">
              <Button aria-label={t("editPermissionsOf", { name: role.name })} onClick={() => setEditing({ kind: "edit", role })}>
                {t("edit")}
              </Button>
              <Button aria-label={t("deleteRole", { name: role.name })} variant="danger" onClick={() => setEditing({ kind: "delete", role })}>
                {t("delete")}
              </Button>
            </div>
          )
        }
      />
      <Dialog open={creating} onOpenChange={setCreating} title={t("create")}>
        {creating ? (
          <PermissionsForm
            submitLabel={t("create")}
            withName
            initial={{ read: [], write: [] }}
            onCancel={() => setCreating(false)}
            onSubmit={async (name, permissions) => {
              await createRole(cluster, name, permissions);
              toast.success(t("created", { name }));
              setCreating(false);
              onChanged();
            }}
          />
        ) : null}
      </Dialog>

      <Dialog open={editing?.kind === "edit"} onOpenChange={(next) => (next ? undefined : close())} title={t("permissionsOf", { name: editing?.role.name ?? "" })}>
        {editing?.kind === "edit" ? (
          <PermissionsForm
            key={editing.role.name}
            submitLabel={t("savePermissions")}
            initial={editing.role.permissions}
            onCancel={close}
            onSubmit={async (_name, permissions) => {
              const role = editing.role;
              const change = permissionChange(role.permissions, permissions);
              if (change) {
                await changeRole(cluster, role.name, change);
                toast.success(t("permissionsChanged", { name: role.name }));
                onChanged();
              }
              close();
            }}
          />
        ) : null}
      </Dialog>

      <ConfirmDialog
        open={editing?.kind === "delete"}
        onClose={close}
        title={t("deleteTitle", { name: editing?.role.name ?? "" })}
        description={editing?.role.name === "guest" ? t("deleteGuest") : t("deleteDescription")}
        confirmLabel={t("deleteConfirm")}
        variant="danger"
        onConfirm={async () => {
          const name = editing!.role.name;
          await deleteRole(cluster, name);
          toast.success(t("deleted", { name }));
          onChanged();
        }}
      >
        {holders.length ? <p>{t("holders", { users: holders.join(", ") })}</p> : null}
      </ConfirmDialog>
    </>
  );
}

function PermissionsForm({
  withName,
  initial,
  submitLabel,
  onCancel,
  onSubmit,
}: {
  withName?: boolean;
  initial: KvPermissions;
  submitLabel: string;
  onCancel: () => void;
  onSubmit: (name: string, permissions: KvPermissions) => Promise<void>;
}) {
  const t = useTranslations("etcdAuth.roles");
  const [name, setName] = useState("");
  const [read, setRead] = useState(initial.read.join("\n"));
  const [write, setWrite] = useState(initial.write.join("\n"));
  const [errors, setErrors] = useState<{ name?: string; read?: string; write?: string }>({});
  const { busy, error, run } = useAuthAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: typeof errors = {};
    if (withName) {
      const parsed = authNameSchema.safeParse(name);
      if (!parsed.success) found.name = issuesFromZod(parsed.error)[0]?.message;
    }
    const permissions = { read: parsePatterns(read), write: parsePatterns(write) };
    const parsed = createRoleBodySchema.safeParse(permissions);
    if (!parsed.success) {
      for (const issue of issuesFromZod(parsed.error)) {
        const field = issue.path.split(".")[0] as "read" | "write";
        const index = Number(issue.path.split(".")[1]);
        found[field] ??= Number.isInteger(index) ? `${permissions[field][index]}: ${issue.message}` : issue.message;
      }
    }
    setErrors(found);
    if (found.name || found.read || found.write) return;
    await run(() => onSubmit(name, permissions));
  }

  return (
    <form onSubmit={(e) => void submit(e)} className="space-y-3">
      {withName ? <Field label={t("roleName")} value={name} onChange={(e) => setName(e.target.value)} error={errors.name} autoComplete="off" autoFocus /> : null}
      <TextAreaField label={t("readPatterns")} value={read} onChange={setRead} error={errors.read} rows={3} />
      <TextAreaField label={t("writePatterns")} value={write} onChange={setWrite} error={errors.write} rows={3} />
      <p className="text-xs text-muted">{t("patternHint")}</p>
      <DialogActions error={error} busy={busy} onCancel={onCancel} submit>
        {submitLabel}
      </DialogActions>
    </form>
  );
}
