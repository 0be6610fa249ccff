// Resident memory of a process and its children, from /proc (Linux): `next start` serves from a child.
import fs from "node:fs";

function children(pid: number): number[] {
  const out: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) out.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return out;
}

function statusKb(pid: number, field: "VmRSS" | "VmHWM"): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status);
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** Current and peak resident memory (MB) of the process tree rooted at `pid`. */
export function treeMemoryMb(pid: number): { rssMb: number; peakMb: number } {
  const pids = [pid];
  for (let i = 0; i < pids.length; i++) pids.push(...children(pids[i]!));
  const sum = (field: "VmRSS" | "VmHWM") => pids.reduce((total, p) => total + statusKb(p, field), 0) / 1024;
  return { rssMb: sum("VmRSS"), peakMb: sum("VmHWM") };
}
