"use client";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { apiFetch } from "@/lib/api/fetcher";
import type { LoggedOutEverywhereResponse, SessionsResponse } from "@/lib/api/types";

/** The admin's view of who is logged in, with "Log out everywhere" per user. */
export function SessionsDialog({ open, onOpenChange, self, onSelfLoggedOut }: { open: boolean; onOpenChange: (open: boolean) => void; self: string; onSelfLoggedOut: () => void }) {
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
      setMessage({ error: false, text: `${name}: ${ended} session${ended === 1 ? "" : "s"} ended.` });
      await load();
    } catch (caught) {
      setMessage({ error: true, text: (caught as Error).message });
    }
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Sessions" description="Who is logged in. Logging a user out everywhere ends all their sessions and open watch streams at once.">
      {users === null ? (
        <p className="text-sm text-zinc-500">Loading…</p>
      ) : (
        <table className="w-full text-sm">
          <thead>
            <tr className="text-left text-zinc-500">
              <th className="py-1 font-medium">User</th>
              <th className="py-1 font-medium">Role</th>
              <th className="py-1 font-medium">Sessions</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.name}>
                <td className="py-1">{u.name}</td>
                <td className="py-1">{u.role}</td>
                <td className="py-1" title={u.lastSeenAt ? `last used ${new Date(u.lastSeenAt).toLocaleString()}` : undefined}>
                  {u.sessions}
                </td>
                <td className="py-1 text-right">
                  <Button aria-label={`Log out everywhere: ${u.name}`} disabled={u.sessions === 0} onClick={() => void logOut(u.name)}>
                    Log out everywhere
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {message ? (
        <p role={message.error ? "alert" : "status"} className={`mt-3 text-sm ${message.error ? "text-red-700 dark:text-red-300" : ""}`}>
          {message.text}
        </p>
      ) : null}
    </Dialog>
  );
}
