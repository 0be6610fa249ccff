"use client";
import { useAccess } from "@/lib/hooks/use-access";
import { ShieldAlert } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { useTranslations } from "use-intl";
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

/** Which of the catalogue's sentences says what the dashboard's credentials are worth on this cluster. */
function credentialsKey({ credentials }: AuthOverviewResponse) {
  if (!credentials.configured) return "none";
  if (credentials.root === true) return "root";
  if (credentials.root === false) return "notRoot";
  return "notAccepted";
}

/** Auth on or off, the switch, and what requests without credentials may still do. */
export function StatusSection({ cluster, overview, onChanged, onCreateRoot }: StatusSectionProps) {
  const t = useTranslations("etcdAuth");
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
      title={t("status.title")}
      actions={
        !canManage || (setup && !setup.ready) ? null : enabled ? (
          <Button variant="danger" onClick={() => setDialog("disable")}>
            {t("status.disableButton")}
          </Button>
        ) : (
          <Button variant="primary" onClick={() => setDialog("enable")}>
            {t("status.enableButton")}
          </Button>
        )
      }
    >
      <div className="space-y-2 text-sm">
        <p>
          {t.rich(enabled ? "status.enabledOn" : "status.disabledOn", { cluster, strong: (chunks) => <strong>{chunks}</strong> })}{" "}
          {t(enabled ? "status.enabledMeans" : "status.disabledMeans")}
        </p>
        <p className="text-muted">{t(`status.credentials.${credentialsKey(overview)}`)}</p>
        {setup && !setup.ready ? (
          <SetupChecklist steps={setup.steps} onCreateRoot={canManage ? onCreateRoot : undefined} />
        ) : rootUser === false && canManage ? (
          <p className="flex flex-wrap items-center gap-2">
            {t("status.noRootYet", { why: t("setup.why.rootUser") })}
            <Button onClick={onCreateRoot}>{t("setup.createRoot")}</Button>
          </p>
        ) : null}
        {guest ? <GuestWarning enabled={enabled} guest={guest} onNarrow={canManage ? () => setDialog("narrow") : undefined} /> : null}
      </div>

      <ConfirmDialog
        open={dialog === "enable"}
        onClose={close}
        title={t("status.enable.title", { cluster })}
        description={t("status.enable.description")}
        confirmLabel={t("setup.steps.enable")}
        blocked={!rootUser || credentials.root !== true}
        onConfirm={async () => {
          await enableAuth(cluster);
          toast.success(t("status.enable.done", { cluster }));
          onChanged();
        }}
      >
        <ul className="list-disc space-y-1.5 pl-5">
          <li>
            {t("status.enable.rootNeeded")} {rootUser ? t("status.enable.rootExists") : <strong>{t("status.enable.rootMissing")}</strong>}
          </li>
          <li>
            {t("status.enable.credentialsMust")}{" "}
            {credentials.root === true ? t("status.enable.credentialsAre") : <strong>{t("status.enable.credentialsAreNot")}</strong>}
          </li>
          <li>
            {t("status.enable.guestOpen")} {guest && !guest.openWrite ? t("status.enable.guestNarrowed") : t("status.enable.guestNarrowLater")}
          </li>
          <li>{t("status.enable.bcrypt")}</li>
        </ul>
      </ConfirmDialog>

      <ConfirmDialog
        open={dialog === "disable"}
        onClose={close}
        title={t("status.disable.title", { cluster })}
        description={t("status.disable.description")}
        confirmLabel={t("status.disable.confirm")}
        variant="danger"
        onConfirm={async () => {
          await disableAuth(cluster);
          toast.success(t("status.disable.done", { cluster }));
          onChanged();
        }}
      >
        <p>{t("status.disable.body")}</p>
      </ConfirmDialog>

      <ConfirmDialog
        open={dialog === "narrow"}
        onClose={() => {
          setNarrowRead(false);
          close();
        }}
        title={t("status.narrow.title")}
        description={t("status.narrow.description")}
        confirmLabel={t("status.narrow.confirm")}
        onConfirm={async () => {
          await narrowGuest(cluster, { read: narrowRead });
          toast.success(t(narrowRead ? "status.narrow.doneReadWrite" : "status.narrow.doneWrite"));
          setNarrowRead(false);
          onChanged();
        }}
      >
        <p>{t("status.narrow.loses", { enabled: String(enabled) })}</p>
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={narrowRead} onChange={(e) => setNarrowRead(e.target.checked)} />
          {t("status.narrow.alsoRead")}
        </label>
      </ConfirmDialog>
    </Section>
  );
}

function GuestWarning({ enabled, guest, onNarrow }: { enabled: boolean; guest: GuestAccess; onNarrow?: () => void }) {
  const t = useTranslations("etcdAuth.status");
  const narrowButton = onNarrow ? <Button onClick={onNarrow}>{t("narrow.button")}</Button> : null;
  if (!guest.openWrite && !guest.openRead) {
    return <p>{t("guest.limited", { enabled: String(enabled) })}</p>;
  }
  if (!guest.openWrite) {
    return (
      <p className="flex flex-wrap items-center gap-2">
        {t("guest.readOnly", { enabled: String(enabled) })}
        {narrowButton}
      </p>
    );
  }
  return (
    <div role="alert" className="flex flex-wrap items-start gap-3 rounded-md border border-warning-line bg-warning-soft p-3 text-warning">
      <ShieldAlert aria-hidden size={18} className="mt-0.5 shrink-0" />
      <p className="min-w-0 flex-1">
        {t(enabled ? "guest.openEnabled" : "guest.openDisabled")}
      </p>
      {narrowButton}
    </div>
  );
}
