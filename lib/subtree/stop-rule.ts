// One rule for "stop the run" in the operations that write many keys one after another (import, copy /
// move, bulk delete, the subtree engine): after a failure the next writes would repeat (etcd unreachable,
// no leader, a timeout, a 5xx, credentials refused, v2 switched off), or whose outcome is unknown, going on
// would only fail slowly or act on a state nobody knows. Decided from the error's own kind and flags, not
// from a list of API codes, so a second etcd client whose errors carry the same kinds gets the same rule.
import { EtcdError } from "@/lib/etcd/errors";

/** Kinds that say nothing about one key: every following request would be refused the same way. */
const STOPPING_KINDS: ReadonlySet<string> = new Set(["unauthorized", "v2-disabled"]);

/** Whether a failed write ends the run; anything else is reported for its key and the run goes on. */
export function stopsTheRun(error: unknown): boolean {
  if (!(error instanceof EtcdError)) return false;
  return error.outcomeUnknown || error.retryable || STOPPING_KINDS.has(error.kind);
}
