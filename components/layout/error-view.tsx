"use client";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";

export interface ErrorViewProps {
  /** Next.js's digest identifies a server error in the server's log; the message may hold internals. */
  error: Error & { digest?: string };
  reset: () => void;
}

/**
 * What an error boundary shows instead of a page that failed: what happened in plain words, the digest to
 * quote (the server logged the error under it), and Try again. Never the message or the stack: a server
 * error's own text stays in the server's log.
 */
export function ErrorView({ error, reset }: ErrorViewProps) {
  const t = useTranslations("layout.errorView");
  return (
    <main className="mx-auto max-w-3xl p-8">
      <div role="alert" aria-labelledby="error-view-heading" className="rounded-lg border border-danger-line bg-danger-soft p-6 text-danger">
        <h1 id="error-view-heading" className="text-xl font-semibold">
          {t("title")}
        </h1>
        <p className="mt-2 text-sm">{t("body")}</p>
        {error.digest ? (
          <p className="mt-2 text-sm">
            {t("reference")} <code className="rounded bg-danger-soft px-1 font-mono">{error.digest}</code>
          </p>
        ) : null}
        <Button variant="primary" className="mt-4" onClick={reset}>
          {t("tryAgain")}
        </Button>
      </div>
    </main>
  );
}
