// Test counts from the machine-readable reports of vitest (--reporter=json) and Playwright
// (json reporter), so the test runner can print one total instead of parsing coloured text.
import fs from "node:fs";

/** @typedef {{ passed: number, failed: number, skipped: number, flaky: number }} Counts */

/** @returns {Counts} */
export const zeroCounts = () => ({ passed: 0, failed: 0, skipped: 0, flaky: 0 });

/**
 * From vitest's JSON report (Jest-compatible field names).
 * @param {any} report
 * @returns {Counts}
 */
export function vitestCounts(report) {
  return {
    passed: num(report?.numPassedTests),
    failed: num(report?.numFailedTests),
    skipped: num(report?.numPendingTests) + num(report?.numTodoTests),
    flaky: 0,
  };
}

/**
 * From Playwright's JSON report. A flaky test failed first and passed on retry: it counts as
 * passed here and is reported separately.
 * @param {any} report
 * @returns {Counts}
 */
export function playwrightCounts(report) {
  const s = report?.stats ?? {};
  return {
    passed: num(s.expected) + num(s.flaky),
    failed: num(s.unexpected),
    skipped: num(s.skipped),
    flaky: num(s.flaky),
  };
}

/**
 * Parse a report file; null when it is missing or unreadable (the tool crashed before writing it).
 * @param {string} file
 * @param {(report: any) => Counts} toCounts
 * @returns {Counts | null}
 */
export function readCounts(file, toCounts) {
  try {
    return toCounts(JSON.parse(fs.readFileSync(file, "utf8")));
  } catch {
    return null;
  }
}

/**
 * @param {(Counts | null | undefined)[]} list
 * @returns {Counts}
 */
export function sumCounts(list) {
  const total = zeroCounts();
  for (const c of list) {
    if (!c) continue;
    total.passed += c.passed;
    total.failed += c.failed;
    total.skipped += c.skipped;
    total.flaky += c.flaky;
  }
  return total;
}

/**
 * The final line CI logs are grepped for, exactly "N passed, N failed".
 * @param {Counts} total
 */
export function totalLine(total) {
  return `${total.passed} passed, ${total.failed} failed`;
}

/** @param {unknown} v */
function num(v) {
  return typeof v === "number" && Number.isFinite(v) ? v : 0;
}
