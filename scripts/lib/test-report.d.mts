// Types for test-report.mjs; keep in sync.
export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
  flaky: number;
}
export function zeroCounts(): Counts;
export function vitestCounts(report: unknown): Counts;
export function playwrightCounts(report: unknown): Counts;
export function readCounts(file: string, toCounts: (report: unknown) => Counts): Counts | null;
export function sumCounts(list: (Counts | null | undefined)[]): Counts;
export function totalLine(total: Counts): string;
