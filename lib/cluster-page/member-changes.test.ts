import { describe, expect, it } from "vitest";
import { describeMemberError, parsePeerURLs } from "./member-changes";

describe("parsePeerURLs", () => {
  it("splits on commas, spaces and new lines", () => {
    expect(parsePeerURLs(" http://10.0.0.1:2380,\nhttps://10.0.0.2:2380  ")).toEqual({ ok: true, peerURLs: ["http://10.0.0.1:2380", "https://10.0.0.2:2380"] });
  });
  it("needs at least one", () => {
    expect(parsePeerURLs("  ")).toEqual({ ok: false, message: "at least one peer URL" });
  });
  it("names the URL that is wrong", () => {
    const result = parsePeerURLs("http://10.0.0.1:2380 ftp://x:1");
    expect(result).toEqual({ ok: false, message: "ftp://x:1: a peer URL is http(s)://host:port" });
  });
});

describe("describeMemberError", () => {
  it("keeps etcd's message for a duplicate peer URL", () => {
    expect(describeMemberError({ code: "conflict", message: "membership: peerURL exists" }, "add").message).toBe(
      "etcd refused: membership: peerURL exists. Another member already uses that peer URL.",
    );
  });
  it("lists the input issues", () => {
    expect(describeMemberError({ code: "invalid_input", message: "bad", issues: [{ path: "body.peerURLs.0", message: "a peer URL is http(s)://host:port" }] }, "add").message).toBe(
      "a peer URL is http(s)://host:port",
    );
    expect(describeMemberError({ code: "invalid_input", message: "URL scheme must be http" }, "add").message).toBe("etcd refused the request: URL scheme must be http");
  });
  it("names the member that is gone", () => {
    expect(describeMemberError({ code: "member_removed", message: "Member permanently removed: abc" }, "remove", "m2").message).toBe("m2 was already removed: Member permanently removed: abc");
    expect(describeMemberError({ code: "member_not_found", message: "No such member: abc" }, "remove", "m2").message).toMatch(/^m2 is not in the cluster/);
  });
  it("says what etcd's refusal was about", () => {
    expect(describeMemberError({ code: "etcd_rejected", message: "the cluster is not healthy" }, "add").message).toBe("etcd refused to add the member: the cluster is not healthy");
    expect(describeMemberError({ code: "etcd_unauthorized", message: "Insufficient credentials" }, "remove").message).toMatch(/root role/);
  });
  it("says when the outcome is unknown", () => {
    expect(describeMemberError({ code: "etcd_timeout", message: "timed out", outcomeUnknown: true }, "add").message).toMatch(/^No answer in time: etcd may or may not have made the change/);
  });
  it("falls back to the server's message", () => {
    expect(describeMemberError({ code: "etcd_unavailable", message: "etcd cannot be reached" }, "add")).toEqual({ message: "etcd cannot be reached", etcdCode: undefined });
  });
});
