// What must be true before enabling etcd auth, as steps a person works through: each done or not yet, and
// why a step cannot be done yet. The auth page shows them instead of offering "Enable auth" too early.
import type { AuthOverview } from "@/lib/etcd/auth-admin-types";

export type SetupStepName = "rootUser" | "credentials" | "guest" | "enable";

export type SetupStepState =
  | { done: true }
  /** `blockedBy`: an earlier step that must be done first; `reason`: why not yet, when it is not blocked. */
  | { done: false; blockedBy?: SetupStepName; reason?: "noCredentials" | "notRoot" | "notAccepted" | "openWrite" };

export interface SetupStep {
  name: SetupStepName;
  state: SetupStepState;
  /** Narrowing guest is advised, not required: enabling auth does not wait for it. */
  optional?: boolean;
}

/** The steps while auth is off; `ready` once etcd would accept enabling auth and the dashboard keep managing it. */
export function setupSteps({ rootUser, credentials, guest }: Pick<AuthOverview, "rootUser" | "credentials" | "guest">): { steps: SetupStep[]; ready: boolean } {
  const rootDone = rootUser === true;
  const credentialsDone = credentials.root === true;
  const credentialsState: SetupStepState = credentialsDone
    ? { done: true }
    : !credentials.configured
      ? { done: false, reason: "noCredentials" }
      : !rootDone
        ? { done: false, blockedBy: "rootUser" }
        : { done: false, reason: credentials.root === false ? "notRoot" : "notAccepted" };
  const ready = rootDone && credentialsDone;
  const steps: SetupStep[] = [
    { name: "rootUser", state: rootDone ? { done: true } : { done: false } },
    { name: "credentials", state: credentialsState },
    { name: "guest", optional: true, state: guest && !guest.openWrite ? { done: true } : { done: false, reason: "openWrite" } },
    { name: "enable", state: { done: false, blockedBy: ready ? undefined : rootDone ? "credentials" : "rootUser" } },
  ];
  return { steps, ready };
}
