// The etcd v3 methods as grpc-js method definitions (path, serializers), loaded once from the descriptor
// in proto-descriptor.ts with the options of etcd-v3-api.md §1.2: wire names kept (`create_revision`),
// 64-bit integers as decimal strings (§0.2), enums by name, zero values filled in (§0.1: etcd never sends
// them), oneofs named (`response: "response_put"`). Bytes fields stay Buffers: keys and values are bytes.
import "server-only";
import type { MethodDefinition } from "@grpc/grpc-js";
import { fromJSON, type PackageDefinition } from "@grpc/proto-loader";
import { ETCD_PROTO_DESCRIPTOR } from "./proto-descriptor";

const LOADER_OPTIONS = { keepCase: true, longs: String, enums: String, defaults: true, oneofs: true } as const;

let loaded: PackageDefinition | undefined;

function definition(): PackageDefinition {
  loaded ??= fromJSON(ETCD_PROTO_DESCRIPTOR as Parameters<typeof fromJSON>[0], LOADER_OPTIONS);
  return loaded;
}

export type Etcd3Service = "KV" | "Watch" | "Lease" | "Cluster" | "Maintenance" | "Auth";

/** One method's definition, e.g. method("KV", "Range"). */
export function method<Req = unknown, Res = unknown>(service: Etcd3Service, name: string): MethodDefinition<Req, Res> {
  const service_ = definition()[`etcdserverpb.${service}`] as Record<string, MethodDefinition<Req, Res>> | undefined;
  const found = service_?.[name];
  if (!found) throw new Error(`etcd v3: no method ${service}.${name} in the descriptor`);
  return found;
}

/** The message encoder/decoder of a method's request and response (tests use them to check field numbers). */
export function codec<Req, Res>(service: Etcd3Service, name: string) {
  const m = method<Req, Res>(service, name);
  return { encode: m.requestSerialize, decodeResponse: m.responseDeserialize };
}
