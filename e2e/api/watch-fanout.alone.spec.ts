// Counted with etcd's own /v2/stats/store watchers, which every client of the etcd shares: this file runs
// after every other e2e test, alone (the "alone" project in playwright.config.ts).
import { encodeKey, expect, test } from "../fixtures";
import { actionFrames, openStream } from "../sse-client";

test.describe("watch hub, through the dashboard", () => {
  test("50 subscribers of one key cause one upstream etcd watch", async ({ baseURL, etcd, ns }) => {
    test.setTimeout(60_000);
    const watchers = async () => ((await (await fetch(`${etcd.url}/v2/stats/store`)).json()) as { watchers: number }).watchers;
    // Unchanged for longer than the hub keeps an upstream after its last subscriber left (3 s): the
    // watches of earlier tests are gone by then.
    const stable = async () => {
      let value = await watchers();
      let since = Date.now();
      while (Date.now() - since < 4_000) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        const now = await watchers();
        if (now !== value) {
          value = now;
          since = Date.now();
        }
      }
      return value;
    };
    const before = await stable();
    const subscribers = await Promise.all(Array.from({ length: 50 }, () => openStream(baseURL + `/api/clusters/default/watch${encodeKey(`${ns}/fan`)}`)));
    await Promise.all(subscribers.map((s) => s.until((f) => f.some((x) => x.event === "ready"))));
    expect(await stable()).toBe(before + 1);
    await etcd.put(`${ns}/fan`, "x");
    await Promise.all(subscribers.map((s) => s.until((f) => actionFrames(f).length === 1)));
    for (const s of subscribers) s.close();
    await expect.poll(watchers, { timeout: 10_000 }).toBe(before);
  });

});
