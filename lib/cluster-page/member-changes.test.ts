import { describe, expect, it } from "vitest";
import { describeMemberError, parsePeerURLs } from "./member-changes";

describe("parsePeerURLs", () => {
  it("splits on commas, spaces and new lines", () => {
    expect(parsePeerURLs(" http://10.0.0.1:2380,\nhttps://10.0.0.2:2380  ")).toEqual({ ok: true, peerURLs: ["http://10.0.0.1:2380", "https://10.0.0.2:2380"] });
  });
  it("needs at least one", () => {
    expect(parsePeerURLs("  ")).toEqual({ ok: false, problem: { code: "none" } });
  });
  it("names the URL that is wrong", () => {
    expect(parsePeerURLs("http://10.0.0.1:2380 ftp://x:1")).toEqual({ ok: false, problem: { code: "invalid", url: "ftp://x:1" } });
  });
  it("takes at most 16", () => {
    const many = Array.from({ length: 17 }, (_, i) => `http://10.0.0.${i}:2380`).join(" ");
    expect(parsePeerURLs(many)).toEqual({ ok: false, problem: { code: "tooMany", max: 16 } });
  });
});

describe("describeMemberError", () => {
  it("keeps etcd's message as the cause of a duplicate peer URL", () => {
    expect(describeMemberError({ code: "conflict", message: "membership: peerURL exists" }, "add").problem).toEqual({ code: "peerUrlInUse", cause: "membership: peerURL exists" });
  });
  it("lists the input issues", () => {
    expect(describeMemberError({ code: "invalid_input", message: "bad", issues: [{ path: "body.peerURLs.0", message: "a peer URL is http(s)://host:port" }] }, "add").message).toBe(
      "a peer URL is http(s)://host:port",
    );
    expect(describeMemberError({ code: "invalid_input", message: "URL scheme must be http" }, "add").problem).toEqual({ code: "memberRequestRefused", cause: "URL scheme must be http" });
  });
  it("names the member that is gone", () => {
    expect(describeMemberError({ code: "member_removed", message: "Member permanently removed: abc" }, "remove", "m2").problem).toEqual({ code: "memberAlreadyRemoved", key: "m2", cause: "Member permanently removed: abc" });
    expect(describeMemberError({ code: "member_not_found", message: "No such member: abc" }, "remove", "m2").problem).toMatchObject({ code: "memberNotFound", key: "m2" });
  });
  it("says what etcd's refusal was about", () => {
    expect(describeMemberError({ code: "etcd_rejected", message: "the cluster is not healthy" }, "add").problem?.code).toBe("memberAddRefused");
    expect(describeMemberError({ code: "etcd_rejected", message: "the cluster is not healthy" }, "remove").problem?.code).toBe("memberRemoveRefused");
    expect(describeMemberError({ code: "etcd_unauthorized", message: "Insufficient credentials" }, "remove").problem?.code).toBe("memberNeedsRoot");
  });
  it("says when the outcome is unknown", () => {
    expect(describeMemberError({ code: "etcd_timeout", message: "timed out", outcomeUnknown: true }, "add").problem?.code).toBe("memberOutcomeUnknown");
  });
  it("falls back to the server's message", () => {
    expect(describeMemberError({ code: "etcd_unavailable", message: "etcd cannot be reached" }, "add")).toEqual({ message: "etcd cannot be reached", etcdCode: undefined });
  });
});
