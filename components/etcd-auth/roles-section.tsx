"use client";
import { useAccess } from "@/lib/hooks/use-access";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
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

const PATTERN_HINT = 'One per line: an exact key (/app/config) or a prefix ending in * (/app/* matches everything below /app; /app* also matches /apple). Listing a directory needs a pattern that covers the directory itself.';

function Patterns({ list }: { list: string[] }) {
  return list.length ? <>{list.join("\n")}</> : <span className="font-sans text-zinc-500">none</span>;
}

export function RolesSection({ cluster, roles, users, error, onChanged }: RolesSectionProps) {
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  const close = () => setEditing(null);
  const { canManage } = useAccess(cluster);
  const holders = editing ? (users ?? []).filter((u) => u.roles.includes(editing.role.name)).map((u) => u.name) : [];

  return (
    <>
      <AuthTableSection
        id="auth-roles-heading"
        title="Roles"
        noun="role"
        items={roles}
        error={error}
        canManage={canManage}
        onCreate={() => setCreating(true)}
        columns={["Read", "Write"]}
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
            <span className="text-xs text-zinc-500">protected by etcd</span>
          ) : (
            <div className="flex justify-end gap-1.5">
              <Button aria-label={`Edit permissions of ${role.name}`} onClick={() => setEditing({ kind: "edit", role })}>
                Edit…
              </Button>
              <Button aria-label={`Delete role ${role.name}`} variant="danger" onClick={() => setEditing({ kind: "delete", role })}>
                Delete
              </Button>
            </div>
          )
        }
      />
      <Dialog open={creating} onOpenChange={setCreating} title="Create role">
        {creating ? (
          <PermissionsForm
            submitLabel="Create role"
            withName
            initial={{ read: [], write: [] }}
            onCancel={() => setCreating(false)}
            onSubmit={async (name, permissions) => {
              await createRole(cluster, name, permissions);
              toast.success(`Role ${name} created`);
              setCreating(false);
              onChanged();
            }}
          />
        ) : null}
      </Dialog>

      <Dialog open={editing?.kind === "edit"} onOpenChange={(next) => (next ? undefined : close())} title={`Permissions of ${editing?.role.name ?? ""}`}>
        {editing?.kind === "edit" ? (
          <PermissionsForm
            key={editing.role.name}
            submitLabel="Save permissions"
            initial={editing.role.permissions}
            onCancel={close}
            onSubmit={async (_name, permissions) => {
              const role = editing.role;
              const change = permissionChange(role.permissions, permissions);
              if (change) {
                await changeRole(cluster, role.name, change);
                toast.success(`Permissions of ${role.name} changed`);
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
        title={`Delete role ${editing?.role.name ?? ""}?`}
        description={
          editing?.role.name === "guest"
            ? "Without a guest role, requests without credentials may do nothing once auth is on (etcd recreates guest, wide open, only if auth is enabled while it is missing)."
            : "Its permissions stop applying at once."
        }
        confirmLabel="Delete role"
        variant="danger"
        onConfirm={async () => {
          const name = editing!.role.name;
          await deleteRole(cluster, name);
          toast.success(`Role ${name} deleted`);
          onChanged();
        }}
      >
        {holders.length ? <p>Users that hold it lose its permissions: {holders.join(", ")}.</p> : null}
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
      {withName ? <Field label="Role name" value={name} onChange={(e) => setName(e.target.value)} error={errors.name} autoComplete="off" autoFocus /> : null}
      <TextAreaField label="Read patterns" value={read} onChange={setRead} error={errors.read} rows={3} />
      <TextAreaField label="Write patterns" value={write} onChange={setWrite} error={errors.write} rows={3} />
      <p className="text-xs text-zinc-500">{PATTERN_HINT}</p>
      <DialogActions error={error} busy={busy} onCancel={onCancel} submit>
        {submitLabel}
      </DialogActions>
    </form>
  );
}
