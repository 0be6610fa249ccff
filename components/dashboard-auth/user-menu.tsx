"use client";
import { LogOut, Users } from "lucide-react";
import { useMemo, useState } from "react";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import { apiFetch } from "@/lib/api/fetcher";
import { useRegisterCommands } from "@/lib/commands/registry";
import { useAccess } from "@/lib/hooks/use-access";
import { SessionsDialog } from "./sessions-dialog";

/** Who is logged in, with which role, Log out and Log out everywhere; admins also see everyone's sessions (only when logins are configured). */
export function UserMenu() {
  const t = useTranslations("dashboardAuth.account");
  const { user, loginRequired } = useAccess();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sessionsOpen, setSessionsOpen] = useState(false);
  const commands = useMemo(
    () =>
      loginRequired
        ? [
            { id: "log out", label: t("logOut"), group: t("title"), run: () => void logOut() },
            { id: "log out everywhere", label: t("logOutEverywhere"), group: t("title"), run: () => void logOutEverywhere() },
          ]
        : [],
    [loginRequired, user.name, t],
  );
  useRegisterCommands("account", commands);
  if (!loginRequired) return null;

  async function leave(request: () => Promise<unknown>) {
    setBusy(true);
    try {
      await request();
      window.location.assign("/login");
    } catch (caught) {
      setError((caught as Error).message);
      setBusy(false);
    }
  }
  const logOut = () => leave(() => apiFetch("/api/session", { method: "DELETE" }));
  // Every session of this user ends, this one included, then the cookie is cleared like at a logout.
  const logOutEverywhere = () =>
    leave(async () => {
      await apiFetch(`/api/sessions?user=${encodeURIComponent(user.name)}`, { method: "DELETE" });
      await apiFetch("/api/session", { method: "DELETE" });
    });

  return (
    <section aria-label={t("title")} className="mt-auto space-y-2 border-t border-line pt-3 text-sm">
      <p>
        <span className="font-medium">{user.name}</span> <span className="text-muted">({user.role})</span>
      </p>
      <div className="flex flex-wrap gap-2">
        <Button onClick={() => void logOut()} disabled={busy}>
          <LogOut aria-hidden size={14} /> {t("logOut")}
        </Button>
        <Button onClick={() => void logOutEverywhere()} disabled={busy} title={t("logOutEverywhereHint")}>
          {t("logOutEverywhere")}
        </Button>
        {user.role === "admin" ? (
          <Button onClick={() => setSessionsOpen(true)} disabled={busy}>
            <Users aria-hidden size={14} /> {t("sessions")}
          </Button>
        ) : null}
      </div>
      {error ? <p role="alert" className="text-danger">{error}</p> : null}
      <SessionsDialog open={sessionsOpen} onOpenChange={setSessionsOpen} self={user.name} onSelfLoggedOut={() => void leave(() => apiFetch("/api/session", { method: "DELETE" }))} />
    </section>
  );
}
