import { useId, type InputHTMLAttributes, type ReactNode } from "react";
import { useTranslations } from "use-intl";
import { KindErrorNote } from "@/components/errors/kind-error-note";
import { useErrorText } from "@/components/errors/use-error-text";
import type { ErrorText } from "@/lib/editor/error-text";

/** A labelled input with its error right below it. */
export function Field({ label, error, hint, className = "", ...input }: InputHTMLAttributes<HTMLInputElement> & { label: string; error?: string | null; hint?: ReactNode }) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className="rounded-md border border-line-strong bg-surface px-2 py-1.5 font-mono text-sm"
        {...input}
      />
      {hint ? <p className="text-xs text-muted">{hint}</p> : null}
      {error ? (
        <p id={errorId} className="text-sm text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}

const CONTROL = "rounded-md border border-line-strong bg-surface px-2 py-1.5 text-sm";

/** A label above its control (the control's id is `id`). */
function Labelled({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {children}
    </div>
  );
}

/** A labelled multi-line text input. */
export function TextAreaField({ label, error, value, onChange, rows = 4 }: { label: string; error?: string | null; value: string; onChange: (value: string) => void; rows?: number }) {
  const id = useId();
  return (
    <Labelled id={id} label={label}>
      <textarea id={id} rows={rows} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} className={`${CONTROL} font-mono`} />
      {error ? <p className="text-sm text-danger">{error}</p> : null}
    </Labelled>
  );
}

/** A labelled drop-down list; `children` are its <option>s. */
export function SelectField({ label, value, onChange, children }: { label: string; value: string; onChange: (value: string) => void; children: ReactNode }) {
  const id = useId();
  return (
    <Labelled id={id} label={label}>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} className={CONTROL}>
        {children}
      </select>
    </Labelled>
  );
}

/** An error in plain words (role=alert), with etcd's errorCode in small print when etcd gave one. */
export function ErrorNote({ error }: { error: ErrorText | null | undefined }) {
  const t = useTranslations("common");
  const words = useErrorText();
  if (!error) return null;
  // A failure of a shared kind (a timeout, an unreachable etcd ...) says the same as on every other page.
  if (error.kind) return <KindErrorNote error={{ ...error, kind: error.kind }} />;
  return (
    <div role="alert" className="rounded-md border border-danger-line bg-danger-soft px-3 py-2 text-sm text-danger">
      <p>{words(error)}</p>
      {error.etcdCode !== undefined ? <p className="mt-0.5 text-xs opacity-75">{t("etcdError", { code: error.etcdCode })}</p> : null}
    </div>
  );
}
