// What every …/auth/users/:name and …/auth/roles/:name route starts with.
import "server-only";
import type { RouteOptions } from "./route";
import { requireCluster, type HandlerArgs } from "./route";
import { authNameSchema } from "../schemas";
import { parseInput } from "./request-guards";

/** Auth administration changes who may do what in etcd: admins only, and never on a read-only cluster. */
export const ADMIN_WRITE: RouteOptions = { mutating: true, role: "admin" };

/** The cluster from the URL, its client, and the user or role name (`schema` for stricter names). */
export function requireAuthTarget(params: HandlerArgs["params"], schema: typeof authNameSchema = authNameSchema) {
  const { name: cluster, client } = requireCluster(params);
  return { cluster, client, name: parseInput(schema, params.name, "name") };
}
