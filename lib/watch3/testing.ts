// Helpers for the v3 hub's integration tests: read a subscription until a condition holds, and the
// values its events carried (as text), in order.
import "server-only";
import type { HubItem3 } from "./frames";
import type { Subscription3 } from "./upstream3";

/** Takes items until `until(items)` holds or the time is up; returns all items taken. */
export async function takeUntil3(subscription: Subscription3, until: (items: HubItem3[]) => boolean, timeoutMs = 15_000): Promise<HubItem3[]> {
  const items: HubItem3[] = [];
  const deadline = Date.now() + timeoutMs;
  while (!until(items) && Date.now() < deadline) {
    const batch = await subscription.take(Math.min(200, Math.max(1, deadline - Date.now())));
    if (batch === null) break;
    for (const item of batch) items.push(item);
  }
  return items;
}

/** The values of the put events among `items` ("-" for a delete), in order. */
export function valuesOf(items: HubItem3[]): string[] {
  return items.flatMap((item) => (item.type === "event" ? [item.event.type === "put" ? Buffer.from(item.event.value ?? "", "base64").toString() : "-"] : []));
}
