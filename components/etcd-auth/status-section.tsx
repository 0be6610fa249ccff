"use client";
import { useAccess } from "@/lib/hooks/use-access";
import { ShieldAlert } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Section } from "@/components/cluster/section";
import { Button } from "@/components/ui/button";
import { disableAuth, enableAuth, narrowGuest } from "@/lib/api/etcd-auth-client";
import type { AuthOverviewResponse, GuestAccess } from "@/lib/api/types";
import { setupSteps } from "@/lib/etcd-auth/setup-steps";
import { ConfirmDialog } from "./confirm-dialog";
import { SetupChecklist } from "./setup-checklist";

export interface StatusSectionProps {
  cluster: string;
  overview: AuthOverviewResponse;
  onChanged: () => void;
  /** Opens the create-user dialog with the name root. */
  onCreateRoot: () => void;
}

function credentialsText({ credentials }: AuthOverviewResponse): string {
  if (!credentials.configured) return "The dashboard has no etcd credentials for this cluster.";
  if (credentials.root === true) return "The dashboard connects to this cluster as a user with the root role.";
  if (credentials.root === false) return "The dashboard's credentials for this cluster are not a user with the root role.";
  return "etcd does not accept the dashboard's credentials for this cluster as root.";
}

/** Auth on or off, the switch, and what requests without credentials may still do. */
export function StatusSection({ cluster, overview, onChanged, onCreateRoot }: StatusSectionProps) {
  const [dialog, setDialog] = useState<"enable" | "disable" | "narrow" | null>(null);
  const [narrowRead, setNarrowRead] = useState(false);
  const { enabled, guest, rootUser, credentials } = overview;
  const close = () => setDialog(null);
  // On a read-only cluster the state is shown, and nothing that would change it.
  const { canManage } = useAccess(cluster);
  // While auth is off and root or the dashboard's root credentials are missing, the steps instead of "Enable auth".
  const setup = !enabled && rootUser !== null ? setupSteps(overview) : null;

  return (
    <Section
      id="auth-status-heading"
      title="Status"
      actions={
        !canManage || (setup && !setup.ready) ? null : enabled ? (
          <Button variant="danger" onClick={() => setDialog("disable")}>
            Disable auth…
          </Button>
        ) : (
          <Button variant="primary" onClick={() => setDialog("enable")}>
            Enable auth…
          </Button>
        )
      }
    >
      <div className="space-y-2 text-sm">
        <p>
          Auth is <strong>{enabled ? "enabled" : "disabled"}</strong> on cluster {cluster}.{" "}
          {enabled ? "etcd checks each request's credentials against the users and roles below." : "Every client may read and write every key."}
        </p>
        <p className="text-muted">{credentialsText(overview)}</p>
        {setup && !setup.ready ? (
          <SetupChecklist steps={setup.steps} onCreateRoot={canManage ? onCreateRoot : undefined} />
        ) : rootUser === false && canManage ? (
          <p className="flex flex-wrap items-center gap-2">
            There is no root user yet: etcd enables auth only once a user named root exists.
            <Button onClick={onCreateRoot}>Create root user…</Button>
          </p>
        ) : null}
        {guest ? <GuestWarning enabled={enabled} guest={guest} onNarrow={canManage ? () => setDialog("narrow") : undefined} /> : null}
      </div>

      <ConfirmDialog
        open={dialog === "enable"}
        onClose={close}
        title={`Enable auth on ${cluster}?`}
        description="From then on etcd checks the credentials of every request against its users and roles."
        confirmLabel="Enable auth"
        blocked={!rootUser || credentials.root !== true}
        onConfirm={async () => {
          await enableAuth(cluster);
          toast.success(`Auth enabled on ${cluster}`);
          onChanged();
        }}
      >
        <ul className="list-disc space-y-1.5 pl-5">
          <li>
            etcd needs a user named root. {rootUser ? "It exists." : <strong>There is none yet: create it first.</strong>}
          </li>
          <li>
            The dashboard&apos;s credentials for this cluster must be a root user: otherwise, once auth is on, the dashboard can no longer
            list users and roles, change them, or turn auth off again.{" "}
            {credentials.root === true ? "They are." : <strong>They are not: configure root&apos;s username and password for this cluster first.</strong>}
          </li>
          <li>
            Enabling auth restricts nothing until the guest role is narrowed: requests without credentials act as guest, which etcd gives
            read and write on every key (/*).{" "}
            {guest && !guest.openWrite ? "Guest is narrowed already." : "Narrow guest afterwards (or before) to stop anonymous writes."}
          </li>
          <li>Clients that send credentials cost etcd a bcrypt check on every request (tens of milliseconds each).</li>
        </ul>
      </ConfirmDialog>

      <ConfirmDialog
        open={dialog === "disable"}
        onClose={close}
        title={`Disable auth on ${cluster}?`}
        description="etcd then stops checking credentials."
        confirmLabel="Disable auth"
        variant="danger"
        onConfirm={async () => {
          await disableAuth(cluster);
          toast.success(`Auth disabled on ${cluster}`);
          onChanged();
        }}
      >
        <p>Every client, with or without credentials, may then read and write every key. Users and roles are kept and apply again when auth is enabled again.</p>
      </ConfirmDialog>

      <ConfirmDialog
        open={dialog === "narrow"}
        onClose={() => {
          setNarrowRead(false);
          close();
        }}
        title="Narrow the guest role?"
        description="Requests without credentials act as guest once auth is on."
        confirmLabel="Narrow guest"
        onConfirm={async () => {
          await narrowGuest(cluster, { read: narrowRead });
          toast.success(narrowRead ? "Guest may no longer read or write every key" : "Guest may no longer write every key");
          setNarrowRead(false);
          onChanged();
        }}
      >
        <p>Guest loses write access to every key (/*){enabled ? "" : "; the role is created now if etcd has not made it yet"}.</p>
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={narrowRead} onChange={(e) => setNarrowRead(e.target.checked)} />
          Also take away read access to every key
        </label>
      </ConfirmDialog>
    </Section>
  );
}

function GuestWarning({ enabled, guest, onNarrow }: { enabled: boolean; guest: GuestAccess; onNarrow?: () => void }) {
  if (!guest.openWrite && !guest.openRead) {
    return <p>Requests without credentials{enabled ? "" : ", once auth is on,"} may read and write only what the guest role allows.</p>;
  }
  if (!guest.openWrite) {
    return (
      <p className="flex flex-wrap items-center gap-2">
        Guest may not write, but requests without credentials may read every key{enabled ? "" : " once auth is on"}.
        {onNarrow ? <Button onClick={onNarrow}>Narrow guest…</Button> : null}
      </p>
    );
  }
  return (
    <div role="alert" className="flex flex-wrap items-start gap-3 rounded-md border border-warning-line bg-warning-soft p-3 text-warning">
      <ShieldAlert aria-hidden size={18} className="mt-0.5 shrink-0" />
      <p className="min-w-0 flex-1">
        {enabled
          ? "Auth is enabled, but it restricts nothing until the guest role is narrowed: requests without credentials may still read and write every key (guest has /*)."
          : "Enabling auth restricts nothing until the guest role is narrowed: etcd gives guest read and write on every key (/*)."}
      </p>
      {onNarrow ? <Button onClick={onNarrow}>Narrow guest…</Button> : null}
    </div>
  );
}
