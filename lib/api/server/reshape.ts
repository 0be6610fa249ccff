// Between etcd's wire shapes and the API's: the root node gets key "/", and etcdIndex is added.
import type { KeysResult, V2Node } from "@/lib/etcd";
import type { EtcdNode, KeyResponse } from "../types";

export function reshapeNode(node: V2Node): EtcdNode {
  // Nodes are passed through as etcd sent them; only the root's missing key is filled in.
  return node.key === undefined ? ({ ...node, key: "/" } as EtcdNode) : (node as EtcdNode);
}

/**
 * The API's JSON for a keys result. etcd's body already has the API's shape but for etcdIndex (a header
 * at etcd) and the root's missing key: when no node needs reshaping, the checked body is passed on with
 * etcdIndex added, rather than encoded again from the parsed copy.
 */
export function keysResponseJson(result: KeysResult): string {
  const { wire } = result;
  const needsReshape = result.node?.key === undefined || (result.prevNode !== undefined && result.prevNode.key === undefined);
  if (wire !== undefined && !needsReshape) {
    const end = wire.lastIndexOf("}");
    if (end > 0) return `${wire.slice(0, end)},"etcdIndex":${result.etcdIndex}}`;
  }
  return JSON.stringify(reshapeKeysResult(result));
}

export function reshapeKeysResult(result: KeysResult): KeyResponse {
  return {
    action: result.action,
    node: result.node ? reshapeNode(result.node) : undefined,
    prevNode: result.prevNode ? reshapeNode(result.prevNode) : undefined,
    etcdIndex: result.etcdIndex,
  };
}

/** 201 when a write created something, as etcd answers; 200 otherwise. */
export function writeStatus(result: KeysResult): number {
  return result.action === "create" || (result.action === "set" && !result.prevNode) ? 201 : 200;
}
