// The guard that keeps UI text in the message catalogues: no .tsx under components/ or app/ may hard-code text a
// person reads.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { scanProject } from "./hard-coded-text";
import { isUiText } from "./ui-text";

describe("isUiText", () => {
  it("counts words people read, in any language", () => {
    for (const text of ["Log in", "Close", "etcd error", "Refreshes every", "登录", "a TTL of"]) expect(isUiText(text), text).toBe(true);
  });
  it("leaves out what reads the same in every language: key paths, technical terms, units, punctuation", () => {
    for (const text of ["  \n ", "/app/config", "etcd", "TTL", "CAS", "12 ms", " (", "—", "x", "JSON", ": "]) expect(isUiText(text), text).toBe(false);
  });
});

describe("hard-coded UI text in components/ and app/", () => {
  // Pages under test-pages/ exist only for the e2e dashboard (lib/test-pages.ts): nobody reads them in a language.
  const findings = scanProject(process.cwd(), ["components", "app"]).filter((f) => !f.file.includes("/test-pages/"));

  it("is found (the scan reads JSX text, text props and toasts)", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "hard-coded-text-"));
    try {
      fs.mkdirSync(path.join(root, "components"));
      fs.writeFileSync(path.join(root, "tsconfig.json"), JSON.stringify({ compilerOptions: { jsx: "preserve" }, include: ["components"] }));
      fs.writeFileSync(
        path.join(root, "components", "sample.tsx"),
        'export const A = () => <button aria-label="Close the menu" onClick={() => toast.error("Saving failed")}>Save it</button>;\nconst command = { id: "open", label: "Open the key", group: "Actions" };\n',
      );
      expect(scanProject(root, ["components"]).map((f) => f.text).sort()).toEqual(["Actions", "Close the menu", "Open the key", "Save it", "Saving failed"]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
  it("is nowhere", () => {
    const found = findings.map((f) => `${f.file}:${f.line} ${JSON.stringify(f.text)}`);
    expect(found, "put these in messages/<locale>/<area>.json and use t()").toEqual([]);
  });
}, 60_000);
