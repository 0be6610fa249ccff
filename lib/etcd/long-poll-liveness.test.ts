import { describe, expect, it } from "vitest";
import { LongPollLiveness } from "./long-poll-liveness";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("LongPollLiveness", () => {
  it("probes an endpoint only while long polls are open on it, and cuts them all when a probe fails", async () => {
    const probed: string[] = [];
    let healthy = true;
    const failures: string[] = [];
    const liveness = new LongPollLiveness(
      async (endpoint) => {
        probed.push(endpoint);
        if (!healthy) throw new Error("no answer");
      },
      10,
      (endpoint) => failures.push(endpoint),
    );
    const cut: string[] = [];
    liveness.add("a", () => cut.push("a1"));
    liveness.add("a", () => cut.push("a2"));
    const removeB = liveness.add("b", () => cut.push("b"));
    await sleep(50);
    expect(probed).toContain("a");
    expect(probed).toContain("b");
    expect(cut).toEqual([]);

    removeB();
    healthy = false;
    await sleep(50);
    expect(cut).toEqual(["a1", "a2"]);
    expect(failures).toEqual(["a"]);
    expect(liveness.openPolls()).toBe(0);
    const count = probed.length;
    await sleep(50);
    expect(probed.length).toBe(count); // nothing open: no more probes
  });

  it("cut() ends the polls of one endpoint at once", () => {
    const liveness = new LongPollLiveness(async () => undefined, 1_000, () => undefined);
    const cut: string[] = [];
    liveness.add("a", () => cut.push("a"));
    liveness.add("b", () => cut.push("b"));
    liveness.cut("a");
    expect(cut).toEqual(["a"]);
    expect(liveness.openPolls()).toBe(1);
    liveness.cut("b");
  });
});
