// The server's one watch hub, kept on globalThis so that every route module (and dev-mode reloads)
// share it: one upstream etcd watch per cluster, key and recursion for the whole process.
import "server-only";
import { errorEnvelope } from "@/lib/api/server/error-response";
import { WatchHub } from "./hub";

const holder = globalThis as typeof globalThis & { __etcdDashboardWatchHub?: WatchHub };

export function watchHub(): WatchHub {
  holder.__etcdDashboardWatchHub ??= new WatchHub({ describeFailure: errorEnvelope });
  return holder.__etcdDashboardWatchHub;
}
