// The server's one v3 watch hub, on globalThis beside the v2 one (lib/watch/server-hub.ts): every route
// module and dev-mode reload shares one gRPC Watch stream per cluster.
import "server-only";
import { errorEnvelope } from "@/lib/api/server/error-response";
import { WatchHub3 } from "./hub3";

const holder = globalThis as typeof globalThis & { __etcdDashboardWatchHub3?: WatchHub3 };

export function watchHub3(): WatchHub3 {
  holder.__etcdDashboardWatchHub3 ??= new WatchHub3({ describeFailure: errorEnvelope });
  return holder.__etcdDashboardWatchHub3;
}
