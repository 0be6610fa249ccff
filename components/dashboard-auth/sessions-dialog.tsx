"use client";
import { useEffect, useState } from "react";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { apiFetch } from "@/lib/api/fetcher";
import { useFormat } from "@/lib/i18n/format";
import type { LoggedOutEverywhereResponse, SessionsResponse } from "@/lib/api/types";

/** The admin's view of who is logged in, with "Log out everywhere" per user. */
export function SessionsDialog({ open, onOpenChange, self, onSelfLoggedOut }: { open: boolean; onOpenChange: (open: boolean) => void; self: string; onSelfLoggedOut: () => void }) {
  const t = useTranslations("dashboardAuth.sessions");
  const format = useFormat();
  const [users, setUsers] = useState<SessionsResponse["users"] | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  async function load() {
    try {
      setUsers((await apiFetch<SessionsResponse>("/api/sessions")).users);
    } catch (caught) {
      setMessage({ error: true, text: (caught as Error).message });
    }
  }

  useEffect(() => {
    if (open) void load();
  }, [open]);

  async function logOut(name: string) {
    try {
      const { ended } = await apiFetch<LoggedOutEverywhereResponse>(`/api/sessions?user=${encodeURIComponent(name)}`, { method: "DELETE" });
      if (name === self) return onSelfLoggedOut();
      setMessage({ error: false, text: t("ended", { name, count: ended }) });
      await load();
    } catch (caught) {
      setMessage({ error: true, text: (caught as Error).message });
    }
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={t("title")} description={t("description")}>
      {users === null ? (
        <p className="text-sm text-muted">{t("loading")}</p>
      ) : (
        <table className="w-full text-sm">
          <thead>
            <tr className="text-left text-muted">
              <th className="py-1 font-medium">{t("user")}</th>
              <th className="py-1 font-medium">{t("role")}</th>
              <th className="py-1 font-medium">{t("sessions")}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.name}>
                <td className="py-1">{u.name}</td>
                <td className="py-1">{u.role}</td>
                <td className="py-1" title={u.lastSeenAt ? t("lastUsed", { when: format.dateTime(u.lastSeenAt) }) : undefined}>
                  {u.sessions}
                </td>
                <td className="py-1 text-right">
                  <Button aria-label={t("logOutUser", { name: u.name })} disabled={u.sessions === 0} onClick={() => void logOut(u.name)}>
                    {t("logOutEverywhere")}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {message ? (
        <p role={message.error ? "alert" : "status"} className={`mt-3 text-sm ${message.error ? "text-danger" : ""}`}>
          {message.text}
        </p>
      ) : null}
    </Dialog>
  );
}
