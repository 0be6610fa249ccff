import { describe, expect, it } from "vitest";
import { singleFlight } from "./single-flight";

/** A read whose answers the test gives, one per request, in order. */
function manualRead() {
  const requests: { key: string; answer: (value: string) => void; fail: (error: Error) => void }[] = [];
  const read = (key: string) => new Promise<string>((answer, fail) => requests.push({ key, answer, fail }));
  return { read, requests };
}

describe("singleFlight", () => {
  it("gives a read of a key in flight the same answer, and reads again once it is answered", async () => {
    const { read, requests } = manualRead();
    const flight = singleFlight(read);
    const first = flight.read("/a");
    const second = flight.read("/a");
    const other = flight.read("/b");
    expect(requests.map((r) => r.key)).toEqual(["/a", "/b"]);
    requests[0]!.answer("A1");
    requests[1]!.answer("B1");
    expect(await Promise.all([first, second, other])).toEqual(["A1", "A1", "B1"]);
    const third = flight.read("/a");
    expect(requests).toHaveLength(3);
    requests[2]!.answer("A2");
    expect(await third).toBe("A2");
  });

  it("shares a failure, then reads afresh", async () => {
    const { read, requests } = manualRead();
    const flight = singleFlight(read);
    const first = flight.read("/a");
    const second = flight.read("/a");
    requests[0]!.fail(new Error("down"));
    await expect(first).rejects.toThrow("down");
    await expect(second).rejects.toThrow("down");
    void flight.read("/a");
    expect(requests).toHaveLength(2);
  });

  it("starts a new request after forget, and the old answer does not end the new one's flight", async () => {
    const { read, requests } = manualRead();
    const flight = singleFlight(read);
    const stale = flight.read("/a");
    flight.forget("/a");
    const fresh = flight.read("/a");
    requests[0]!.answer("old");
    await stale;
    expect(flight.read("/a")).toBe(fresh);
    expect(requests).toHaveLength(2);
    requests[1]!.answer("new");
    expect(await fresh).toBe("new");
  });
});
