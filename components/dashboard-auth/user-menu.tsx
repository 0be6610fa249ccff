"use client";
import { LogOut } from "lucide-react";
import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { apiFetch } from "@/lib/api/fetcher";
import { useRegisterCommands } from "@/lib/commands/registry";
import { useAccess } from "@/lib/hooks/use-access";

/** Who is logged in, with which role, and Log out (only when logins are configured). */
export function UserMenu() {
  const { user, loginRequired } = useAccess();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const commands = useMemo(() => (loginRequired ? [{ id: "log out", label: "Log out", group: "Account", run: () => void logOut() }] : []), [loginRequired]);
  useRegisterCommands("account", commands);
  if (!loginRequired) return null;

  async function logOut() {
    setBusy(true);
    try {
      await apiFetch("/api/session", { method: "DELETE" });
      window.location.assign("/login");
    } catch (caught) {
      setError((caught as Error).message);
      setBusy(false);
    }
  }

  return (
    <section aria-label="Account" className="mt-auto space-y-2 border-t border-zinc-200 pt-3 text-sm dark:border-zinc-800">
      <p>
        <span className="font-medium">{user.name}</span> <span className="text-zinc-500">({user.role})</span>
      </p>
      <Button onClick={() => void logOut()} disabled={busy}>
        <LogOut aria-hidden size={14} /> Log out
      </Button>
      {error ? <p role="alert" className="text-red-700 dark:text-red-300">{error}</p> : null}
    </section>
  );
}
