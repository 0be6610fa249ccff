"use client";
import { useAccess } from "@/lib/hooks/use-access";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { useTranslations } from "use-intl";
import { CELL } from "@/components/cluster/table";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { changeUser, createUser, deleteUser } from "@/lib/api/etcd-auth-client";
import { issuesFromZod } from "@/lib/api/errors";
import { newUserNameSchema, passwordSchema } from "@/lib/api/schemas";
import type { AuthRole, AuthUser } from "@/lib/api/types";
import { roleChange } from "@/lib/etcd-auth/patterns";
import { AuthTableSection } from "./auth-table-section";
import { ConfirmDialog } from "./confirm-dialog";
import { DialogActions, useAuthAction } from "./form-parts";

export interface UsersSectionProps {
  cluster: string;
  authEnabled: boolean;
  users: AuthUser[] | undefined;
  roles: AuthRole[] | undefined;
  error?: Error;
  onChanged: () => void;
  /** The create dialog, opened from outside (the status's "Create root user") with a name. */
  creating: string | null;
  setCreating: (name: string | null) => void;
}

type Editing = { kind: "password" | "roles" | "delete"; user: AuthUser } | null;

/** The first problem with a value, or null (the same schema the API checks). */
function problem(schema: typeof passwordSchema | typeof newUserNameSchema, value: string): string | null {
  const parsed = schema.safeParse(value);
  return parsed.success ? null : (issuesFromZod(parsed.error)[0]?.message ?? "invalid");
}

export function UsersSection({ cluster, authEnabled, users, roles, error, onChanged, creating, setCreating }: UsersSectionProps) {
  const t = useTranslations("etcdAuth.users");
  const [editing, setEditing] = useState<Editing>(null);
  const close = () => setEditing(null);
  const { canManage } = useAccess(cluster);
  return (
    <>
      <AuthTableSection
        id="auth-users-heading"
        title={t("title")}
        texts={{ create: t("create"), loading: t("loading"), none: t("none") }}
        items={users}
        error={error}
        canManage={canManage}
        onCreate={() => setCreating("")}
        columns={[t("roles")]}
        cells={(user) => <td className={`${CELL} font-mono text-xs`}>{user.roles.length ? user.roles.join(", ") : <span className="text-muted">{t("noRoles")}</span>}</td>}
        actions={(user) => (
          <div className="flex justify-end gap-1.5">
            <Button aria-label={t("changePasswordOf", { name: user.name })} onClick={() => setEditing({ kind: "password", user })}>
              {t("passwordButton")}
            </Button>
            <Button aria-label={t("editRolesOf", { name: user.name })} onClick={() => setEditing({ kind: "roles", user })}>
              {t("rolesButton")}
            </Button>
            <Button aria-label={t("deleteUser", { name: user.name })} variant="danger" onClick={() => setEditing({ kind: "delete", user })}>
              {t("delete")}
            </Button>
          </div>
        )}
      />
      <CreateUserDialog cluster={cluster} initialName={creating} roles={roles ?? []} onClose={() => setCreating(null)} onChanged={onChanged} />
      <PasswordDialog cluster={cluster} user={editing?.kind === "password" ? editing.user : null} onClose={close} onChanged={onChanged} />
      <UserRolesDialog cluster={cluster} user={editing?.kind === "roles" ? editing.user : null} roles={roles ?? []} onClose={close} onChanged={onChanged} />
      <ConfirmDialog
        open={editing?.kind === "delete"}
        onClose={close}
        title={t("deleteTitle", { name: editing?.user.name ?? "" })}
        description={t("deleteDescription")}
        confirmLabel={t("deleteConfirm")}
        variant="danger"
        onConfirm={async () => {
          const name = editing!.user.name;
          await deleteUser(cluster, name);
          toast.success(t("deleted", { name }));
          onChanged();
        }}
      >
        {editing?.user.name === "root" ? <p>{authEnabled ? t("rootWhileEnabled") : t("withoutRoot")}</p> : null}
      </ConfirmDialog>
    </>
  );
}

/** The password twice, checked like the API does; the values live only in this form's state. */
function PasswordFields({ label, repeatLabel, password, repeat, setPassword, setRepeat, errors }: { label: string; repeatLabel: string; password: string; repeat: string; setPassword: (v: string) => void; setRepeat: (v: string) => void; errors: { password?: string | null; repeat?: string | null } }) {
  const t = useTranslations("etcdAuth.users");
  return (
    <>
      <Field label={label} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} error={errors.password} hint={t("passwordHint")} />
      <Field label={repeatLabel} type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} error={errors.repeat} />
    </>
  );
}

function passwordErrors(password: string, repeat: string, differ: string) {
  const errors = { password: problem(passwordSchema, password), repeat: password === repeat ? null : differ };
  return errors.password || errors.repeat ? errors : null;
}

function CreateUserDialog({ cluster, initialName, roles, onClose, onChanged }: { cluster: string; initialName: string | null; roles: AuthRole[]; onClose: () => void; onChanged: () => void }) {
  const t = useTranslations("etcdAuth.users");
  const open = initialName !== null;
  return (
    <Dialog open={open} onOpenChange={(next) => (next ? undefined : onClose())} title={t("createTitle")}>
      {open ? <CreateUserForm key={initialName} cluster={cluster} initialName={initialName} roles={roles} onClose={onClose} onChanged={onChanged} /> : null}
    </Dialog>
  );
}

function CreateUserForm({ cluster, initialName, roles, onClose, onChanged }: { cluster: string; initialName: string; roles: AuthRole[]; onClose: () => void; onChanged: () => void }) {
  const t = useTranslations("etcdAuth.users");
  const [name, setName] = useState(initialName);
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [granted, setGranted] = useState<string[]>([]);
  const [errors, setErrors] = useState<{ name?: string | null; password?: string | null; repeat?: string | null }>({});
  const { busy, error, run } = useAuthAction();
  // root always has the root role; etcd adds it itself.
  const grantable = roles.filter((r) => r.name !== "root" || name !== "root");

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = { name: problem(newUserNameSchema, name), ...passwordErrors(password, repeat, t("passwordsDiffer")) };
    setErrors(found);
    if (found.name || found.password || found.repeat) return;
    await run(async () => {
      await createUser(cluster, name, password, granted);
      toast.success(t("created", { name }));
      onClose();
      onChanged();
    });
  }

  return (
    <form onSubmit={(e) => void submit(e)} className="space-y-3">
      <Field label={t("userName")} value={name} onChange={(e) => setName(e.target.value)} error={errors.name} autoComplete="off" autoFocus={!initialName} />
      <PasswordFields label={t("password")} repeatLabel={t("repeatPassword")} password={password} repeat={repeat} setPassword={setPassword} setRepeat={setRepeat} errors={errors} />
      {grantable.length ? <RoleChecklist legend={t("roles")} roles={grantable} checked={granted} onChange={setGranted} /> : null}
      <DialogActions error={error} busy={busy} onCancel={onClose} submit>
        {t("createTitle")}
      </DialogActions>
    </form>
  );
}

function RoleChecklist({ legend, roles, checked, onChange }: { legend: string; roles: AuthRole[]; checked: string[]; onChange: (roles: string[]) => void }) {
  const t = useTranslations("etcdAuth.users");
  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium">{legend}</legend>
      {roles.map((role) => (
        <label key={role.name} className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={checked.includes(role.name)}
            onChange={(e) => onChange(e.target.checked ? [...checked, role.name] : checked.filter((r) => r !== role.name))}
          />
          <span className="font-mono">{role.name}</span>
          {role.name === "root" ? <span className="text-xs text-muted">{t("rootRoleNote")}</span> : null}
        </label>
      ))}
    </fieldset>
  );
}

function PasswordDialog({ cluster, user, onClose, onChanged }: { cluster: string; user: AuthUser | null; onClose: () => void; onChanged: () => void }) {
  const t = useTranslations("etcdAuth.users");
  return (
    <Dialog open={user !== null} onOpenChange={(next) => (next ? undefined : onClose())} title={t("changePasswordOf", { name: user?.name ?? "" })}>
      {user ? <PasswordForm key={user.name} cluster={cluster} user={user} onClose={onClose} onChanged={onChanged} /> : null}
    </Dialog>
  );
}

function PasswordForm({ cluster, user, onClose, onChanged }: { cluster: string; user: AuthUser; onClose: () => void; onChanged: () => void }) {
  const t = useTranslations("etcdAuth.users");
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [errors, setErrors] = useState<{ password?: string | null; repeat?: string | null }>({});
  const { busy, error, run } = useAuthAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = passwordErrors(password, repeat, t("passwordsDiffer"));
    setErrors(found ?? {});
    if (found) return;
    await run(async () => {
      await changeUser(cluster, user.name, { password });
      toast.success(t("passwordChanged", { name: user.name }));
      onClose();
      onChanged();
    });
  }

  return (
    <form onSubmit={(e) => void submit(e)} className="space-y-3">
      {user.name === "root" ? <p className="text-sm">{t("rootPasswordNote")}</p> : null}
      <PasswordFields label={t("newPassword")} repeatLabel={t("repeatNewPassword")} password={password} repeat={repeat} setPassword={setPassword} setRepeat={setRepeat} errors={errors} />
      <DialogActions error={error} busy={busy} onCancel={onClose} submit>
        {t("changePassword")}
      </DialogActions>
    </form>
  );
}

function UserRolesDialog({ cluster, user, roles, onClose, onChanged }: { cluster: string; user: AuthUser | null; roles: AuthRole[]; onClose: () => void; onChanged: () => void }) {
  const t = useTranslations("etcdAuth.users");
  return (
    <Dialog open={user !== null} onOpenChange={(next) => (next ? undefined : onClose())} title={t("rolesOf", { name: user?.name ?? "" })}>
      {user ? <UserRolesForm key={user.name} cluster={cluster} user={user} roles={roles} onClose={onClose} onChanged={onChanged} /> : null}
    </Dialog>
  );
}

function UserRolesForm({ cluster, user, roles, onClose, onChanged }: { cluster: string; user: AuthUser; roles: AuthRole[]; onClose: () => void; onChanged: () => void }) {
  const t = useTranslations("etcdAuth.users");
  const [checked, setChecked] = useState(user.roles);
  const { busy, error, run } = useAuthAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const { grant, revoke } = roleChange(user.roles, checked);
    if (!grant.length && !revoke.length) return onClose();
    // Two etcd writes at most (one per direction); after a failure the lists are read again to show where it stopped.
    const done = await run(async () => {
      if (grant.length) await changeUser(cluster, user.name, { grant });
      if (revoke.length) await changeUser(cluster, user.name, { revoke });
    });
    onChanged();
    if (done) {
      toast.success(t("rolesChanged", { name: user.name }));
      onClose();
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} className="space-y-3">
      {roles.length ? <RoleChecklist legend={t("rolesGrantedTo", { name: user.name })} roles={roles} checked={checked} onChange={setChecked} /> : <p className="text-sm">{t("noRolesYet")}</p>}
      <DialogActions error={error} busy={busy} onCancel={onClose} submit>
        {t("saveRoles")}
      </DialogActions>
    </form>
  );
}
