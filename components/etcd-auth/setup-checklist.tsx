"use client";
import { CheckCircle2, Circle } from "lucide-react";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import type { SetupStep } from "@/lib/etcd-auth/setup-steps";

export interface SetupChecklistProps {
  steps: SetupStep[];
  /** Absent: the viewer may not change auth (the steps are shown, not their buttons). */
  onCreateRoot?: () => void;
}

/** The steps before auth can be enabled, each done or not yet, with why not and, for root, the button that does it. */
export function SetupChecklist({ steps, onCreateRoot }: SetupChecklistProps) {
  const t = useTranslations("etcdAuth.setup");
  const action = (step: SetupStep) => {
    if (step.state.done || step.state.blockedBy) return null;
    // Narrowing guest has its button in the guest warning below.
    if (step.name === "rootUser" && onCreateRoot) return <Button onClick={onCreateRoot}>{t("createRoot")}</Button>;
    return null;
  };
  const why = (step: SetupStep): string | null => {
    const { state } = step;
    if (state.done) return null;
    if (state.blockedBy) return t("why.blockedBy", { step: t(`steps.${state.blockedBy}`) });
    if (state.reason) return t(`why.${state.reason}`);
    return step.name === "rootUser" ? t("why.rootUser") : null;
  };
  return (
    <div className="rounded-md border border-line p-3">
      <h3 className="mb-2 font-medium">{t("heading")}</h3>
      <ol aria-label={t("listLabel")} className="space-y-2">
        {steps.map((step) => (
          <li key={step.name} className="flex items-start gap-2">
            {step.state.done ? <CheckCircle2 aria-hidden size={18} className="mt-0.5 shrink-0 text-success" /> : <Circle aria-hidden size={18} className="mt-0.5 shrink-0 text-muted" />}
            <div className="min-w-0 flex-1">
              <p>
                <span className="font-medium">{t(`steps.${step.name}`)}</span>
                {" · "}
                <span className={step.state.done ? "text-success" : "text-muted"}>{step.state.done ? t("done") : step.optional ? t("optional") : t("notYet")}</span>
              </p>
              {why(step) ? <p className="text-muted">{why(step)}</p> : null}
            </div>
            {action(step)}
          </li>
        ))}
      </ol>
    </div>
  );
}
