// The browser's side of the error contract: every non-2xx answer becomes an ApiError with its code.
import { ApiError, apiErrorEnvelopeSchema } from "./errors";

export async function apiFetch<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { accept: "application/json", ...init?.headers } });
  } catch {
    throw ApiError.of("etcd_unavailable", "The dashboard server cannot be reached.");
  }
  if (response.status === 204) return undefined as T;
  if (!response.ok) throw await apiErrorOf(response);
  return (await response.json().catch(() => undefined)) as T;
}

/** The ApiError a non-2xx answer carries in its envelope (or a plain one when it has none). */
export async function apiErrorOf(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => undefined);
  const parsed = apiErrorEnvelopeSchema.safeParse(body);
  if (parsed.success) return new ApiError(parsed.data.error, response.status);
  return ApiError.of("internal", `The dashboard server answered HTTP ${response.status}.`);
}

/** Path of a cluster's API resource, the cluster name encoded. */
export function clusterPath(cluster: string, resource: string): string {
  return `/api/clusters/${encodeURIComponent(cluster)}/${resource}`;
}
