import { describe, expect, it } from "vitest";
import { setupSteps } from "./setup-steps";

const guest = { exists: true, permissions: { read: ["/*"], write: ["/*"] }, openWrite: true, openRead: true } as never;

describe("setupSteps", () => {
  it("without root, the credentials step waits for it and enabling is not possible yet", () => {
    const { steps, ready } = setupSteps({ rootUser: false, credentials: { configured: true, root: false }, guest });
    expect(ready).toBe(false);
    expect(steps.map((s) => [s.name, s.state])).toEqual([
      ["rootUser", { done: false }],
      ["credentials", { done: false, blockedBy: "rootUser" }],
      ["guest", { done: false, reason: "openWrite" }],
      ["enable", { done: false, blockedBy: "rootUser" }],
    ]);
  });

  it("says why the credentials are not root: none configured, not root, or not accepted", () => {
    expect(setupSteps({ rootUser: false, credentials: { configured: false, root: null }, guest }).steps[1]!.state).toEqual({ done: false, reason: "noCredentials" });
    expect(setupSteps({ rootUser: true, credentials: { configured: true, root: false }, guest }).steps[1]!.state).toEqual({ done: false, reason: "notRoot" });
    expect(setupSteps({ rootUser: true, credentials: { configured: true, root: null }, guest }).steps[1]!.state).toEqual({ done: false, reason: "notAccepted" });
  });

  it("is ready with root and root credentials, guest narrowed or not", () => {
    const { steps, ready } = setupSteps({ rootUser: true, credentials: { configured: true, root: true }, guest });
    expect(ready).toBe(true);
    expect(steps[3]!.state).toEqual({ done: false, blockedBy: undefined });
  });
});
