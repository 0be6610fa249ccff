// The bench's printed table: one row a measurement, direct etcd beside the dashboard.
export interface Row {
  what: string;
  direct: string;
  dashboard: string;
  ratio: string;
}

export const fmt = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : "n/a");

/** Direct etcd and the dashboard side by side, with the dashboard's factor (above 1: the dashboard is slower). */
export function compareRow(what: string, direct: number, dash: number, digits = 2, higherIsBetter = false): Row {
  return { what, direct: fmt(direct, digits), dashboard: fmt(dash, digits), ratio: `x${fmt(higherIsBetter ? direct / dash : dash / direct)}` };
}

/** A figure of the dashboard alone. */
export function dashboardRow(what: string, dashboard: string): Row {
  return { what, direct: "", dashboard, ratio: "" };
}
