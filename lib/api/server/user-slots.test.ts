import { describe, expect, it } from "vitest";
import { ApiError } from "../errors";
import { UserSlots } from "./user-slots";

describe("UserSlots", () => {
  it("gives each user up to perUser slots, then refuses with 429 and a Retry-After", () => {
    const slots = new UserSlots("searches", 2);
    slots.take("ann");
    slots.take("ann");
    slots.take("bob");
    let refused: unknown;
    try {
      slots.take("ann");
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).status).toBe(429);
    expect((refused as ApiError).body).toMatchObject({ code: "too_many_requests", retryAfterSeconds: 2 });
    expect((refused as ApiError).message).toMatch(/2 searches running/);
  });

  it("counts a released slot once, and frees it when the request's signal aborts", () => {
    const slots = new UserSlots("exports", 1);
    const first = slots.take("ann");
    first.release();
    first.release();
    expect(slots.inUse("ann")).toBe(0);
    const controller = new AbortController();
    const second = slots.take("ann", controller.signal);
    expect(slots.inUse("ann")).toBe(1);
    controller.abort();
    expect(slots.inUse("ann")).toBe(0);
    second.release();
    expect(slots.inUse("ann")).toBe(0);
  });
});
