import { describe, expect, it } from "vitest";
import { parseTestArgs } from "./test-args.mjs";
import { playwrightCounts, sumCounts, totalLine, vitestCounts } from "./test-report.mjs";

describe("test report counts", () => {
  it("reads vitest's JSON report", () => {
    expect(vitestCounts({ numPassedTests: 5, numFailedTests: 1, numPendingTests: 2, numTodoTests: 1 })).toEqual({
      passed: 5,
      failed: 1,
      skipped: 3,
      flaky: 0,
    });
  });

  it("reads Playwright's stats, counting flaky as passed", () => {
    expect(playwrightCounts({ stats: { expected: 4, unexpected: 1, flaky: 2, skipped: 1 } })).toEqual({
      passed: 6,
      failed: 1,
      skipped: 1,
      flaky: 2,
    });
  });

  it("tolerates garbage and sums to the exact final line", () => {
    const total = sumCounts([vitestCounts(null), playwrightCounts({}), null, vitestCounts({ numPassedTests: 3 })]);
    expect(totalLine(total)).toBe("3 passed, 0 failed");
  });
});

describe("parseTestArgs", () => {
  const steps = ["typecheck", "unit", "integration", "build", "e2e"];

  it("selects every step by default", () => {
    expect(parseTestArgs([], steps)).toEqual(steps);
  });

  it("keeps run order and resolves aliases", () => {
    expect(parseTestArgs(["--only", "e2e,unit"], steps)).toEqual(["unit", "e2e"]);
    expect(parseTestArgs(["--only=tsc"], steps, { tsc: "typecheck" })).toEqual(["typecheck"]);
  });

  it("rejects unknown steps and arguments", () => {
    expect(() => parseTestArgs(["--only", "lint"], steps)).toThrow(/unknown step "lint"/);
    expect(() => parseTestArgs(["--watch"], steps)).toThrow(/unknown argument/);
    expect(() => parseTestArgs(["--only"], steps)).toThrow(/needs a comma-separated list/);
  });
});
