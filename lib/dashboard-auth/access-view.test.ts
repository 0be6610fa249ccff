import { describe, expect, it } from "vitest";
import { accessView, type AccessSnapshot } from "./access-view";

function snapshot(role: "viewer" | "editor" | "admin", extra: Partial<AccessSnapshot> = {}): AccessSnapshot {
  return { user: { name: "u", role }, loginRequired: true, readOnly: false, readOnlyClusters: [], ...extra };
}

describe("accessView", () => {
  it("offers key writes to editors and admins, member and auth changes to admins only", () => {
    expect(accessView(snapshot("viewer"), "a")).toMatchObject({ canWrite: false, canManage: false, readOnly: false });
    expect(accessView(snapshot("editor"), "a")).toMatchObject({ canWrite: true, canManage: false });
    expect(accessView(snapshot("admin"), "a")).toMatchObject({ canWrite: true, canManage: true });
    expect(accessView(snapshot("editor"), "a").can("admin")).toBe(false);
  });

  it("offers no change at all on a read-only cluster, whatever the role, and other clusters stay writable", () => {
    const s = snapshot("admin", { readOnlyClusters: ["prod"] });
    expect(accessView(s, "prod")).toMatchObject({ readOnly: true, canWrite: false, canManage: false });
    expect(accessView(s, "staging")).toMatchObject({ readOnly: false, canWrite: true, canManage: true });
    expect(accessView(s).readOnly).toBe(false);
  });

  it("offers no change anywhere when the whole dashboard is read-only", () => {
    const view = accessView(snapshot("admin", { readOnly: true }), "any");
    expect(view).toMatchObject({ readOnly: true, canWrite: false, canManage: false });
    expect(view.can("admin")).toBe(true);
  });
});
