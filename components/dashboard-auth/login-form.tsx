"use client";
import { LogIn } from "lucide-react";
import { useState, type FormEvent } from "react";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ApiError } from "@/lib/api/errors";
import { apiFetch } from "@/lib/api/fetcher";

/** User name and password; on success the browser goes (with a full load, so the layout sees the cookie) to `next`. */
export function LoginForm({ next }: { next: string }) {
  const t = useTranslations("dashboardAuth.login");
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await apiFetch("/api/session", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username, password }) });
      window.location.assign(next);
    } catch (caught) {
      setPassword("");
      setError(caught instanceof ApiError ? caught.message : t("failed"));
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} aria-label={t("form")} className="space-y-4">
      <Field label={t("userName")} name="username" autoComplete="username" autoFocus required value={username} onChange={(e) => setUsername(e.target.value)} />
      <Field label={t("password")} name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
      {error ? (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
      <Button type="submit" variant="primary" disabled={busy}>
        <LogIn aria-hidden size={14} /> {t("submit")}
      </Button>
    </form>
  );
}
