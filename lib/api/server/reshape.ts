// Between the client's keys results and the API's answer: etcd's own shapes, with etcdIndex added.
import type { KeysResult } from "@/lib/etcd";
import type { KeyResponse } from "../types";

const ROOT_NODE_START = '"node":{';

/**
 * The API's JSON for a keys result. etcd's body already has the API's shape but for etcdIndex (a header
 * at etcd) and the listed root's key (etcd sends none): the checked body is passed on with those added,
 * rather than encoded again from the parsed copy (a 10,000-children listing is 1.3 MB of JSON).
 */
export function keysResponseJson(result: KeysResult): string {
  let wire = result.wire;
  if (wire !== undefined && result.rootKeyFilled) {
    const at = wire.indexOf(ROOT_NODE_START);
    // Go's encoder writes "node" right after "action"; anything else is encoded again, to be safe.
    wire = at > 0 && at < 40 ? `${wire.slice(0, at + ROOT_NODE_START.length)}"key":"/",${wire.slice(at + ROOT_NODE_START.length)}` : undefined;
  }
  if (wire !== undefined) {
    const end = wire.lastIndexOf("}");
    if (end > 0) return `${wire.slice(0, end)},"etcdIndex":${result.etcdIndex}}`;
  }
  return JSON.stringify(reshapeKeysResult(result));
}

export function reshapeKeysResult(result: KeysResult): KeyResponse {
  return { action: result.action, node: result.node, prevNode: result.prevNode, etcdIndex: result.etcdIndex };
}

/** 201 when a write created something, as etcd answers; 200 otherwise. */
export function writeStatus(result: KeysResult): number {
  return result.action === "create" || (result.action === "set" && !result.prevNode) ? 201 : 200;
}
