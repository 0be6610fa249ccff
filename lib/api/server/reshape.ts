// Between etcd's wire shapes and the API's: the root node gets key "/", and etcdIndex is added.
import type { KeysResult, V2Node } from "@/lib/etcd";
import type { EtcdNode, KeyResponse } from "../types";

export function reshapeNode(node: V2Node): EtcdNode {
  // Nodes are passed through as etcd sent them; only the root's missing key is filled in.
  return node.key === undefined ? ({ ...node, key: "/" } as EtcdNode) : (node as EtcdNode);
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
