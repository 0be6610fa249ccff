// The guard that keeps UI text in the message catalogues: no .tsx under components/ or app/ may hard-code text a
// person reads, except the files below, not converted yet. The list only shrinks: a converted file must leave it.
import { describe, expect, it } from "vitest";
import { scanProject } from "./hard-coded-text";
import { isUiText } from "./ui-text";

/** Owned by the other helpers of issue [11]; converted after their work is merged. */
const OTHER_AREAS = [
  "app/(dashboard)/(with-loading-page)/test-pages/slow/page.tsx",
  "components/keys/key-browser.tsx",
  "components/keys/key-tree.tsx",
  "components/keys/tree/tree-rows.tsx",
  "components/keys/tree/use-tree-context-menu.tsx",
  "components/keys/value-views.tsx",
  "components/layout/cluster-switcher.tsx",
  "components/layout/connection-badge.tsx",
  "components/layout/connection-status.tsx",
  "components/layout/error-view.tsx",
  "components/layout/page-skeleton.tsx",
  "components/layout/sidebar.tsx",
];

describe("isUiText", () => {
  it("counts words people read, in any language", () => {
    for (const text of ["Log in", "Close", "etcd error", "Refreshes every", "登录", "a TTL of"]) expect(isUiText(text), text).toBe(true);
  });
  it("leaves out what reads the same in every language: key paths, technical terms, units, punctuation", () => {
    for (const text of ["  \n ", "/app/config", "etcd", "TTL", "CAS", "12 ms", " (", "—", "x", "JSON", ": "]) expect(isUiText(text), text).toBe(false);
  });
});

describe("hard-coded UI text in components/ and app/", () => {
  const findings = scanProject(process.cwd(), ["components", "app"]);
  const allowed = new Set(OTHER_AREAS);

  it("is found (the scan reads JSX text, text props and toasts)", () => {
    expect(findings.some((f) => f.file === "components/layout/sidebar.tsx")).toBe(true);
  });
  it("is only in the files not converted yet", () => {
    const stray = findings.filter((f) => !allowed.has(f.file)).map((f) => `${f.file}:${f.line} ${JSON.stringify(f.text)}`);
    expect(stray, "put these in messages/<locale>/<area>.json and use t()").toEqual([]);
  });
  it("has left the allow-list once converted (the list only shrinks)", () => {
    const converted = [...allowed].filter((file) => !findings.some((f) => f.file === file));
    expect(converted, "remove these from the allow-list in lib/i18n/hard-coded-text.test.ts").toEqual([]);
  });
}, 60_000);
