// The browser's calls for export and import. Errors come back as ApiErrors with a code, as everywhere.
import { apiErrorOf, apiFetch, clusterPath } from "@/lib/api/fetcher";
import { ApiError } from "@/lib/api/errors";
import { fetchNdjson } from "@/lib/api/stream/ndjson";
import { downloadBlob } from "@/lib/download";
import { encodeKeySegments, splitKey } from "@/lib/key-path";
import { exportFileName } from "./format";
import type { ImportLine, ImportPreview, ImportReport } from "./plan";

function keyResource(resource: "export" | "import", key: string): string {
  return resource + (key === "/" ? "" : encodeKeySegments(splitKey(key)));
}

function exportPath(cluster: string, key: string): string {
  return clusterPath(cluster, keyResource("export", key));
}

/** The file name the server chose (Content-Disposition's filename*), or one made the same way. */
function fileNameOf(response: Response, cluster: string, key: string): string {
  const header = response.headers.get("content-disposition") ?? "";
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1]!);
    } catch {
      // fall through
    }
  }
  return exportFileName(cluster, key);
}

/** Downloads the export of `key` (a directory's subtree, or one key) as a file. */
export async function downloadExport(cluster: string, key: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(exportPath(cluster, key), { headers: { accept: "application/json" } });
  } catch {
    throw ApiError.of("etcd_unavailable", "The dashboard server cannot be reached.");
  }
  if (!response.ok) throw await apiErrorOf(response);
  const name = fileNameOf(response, cluster, key);
  downloadBlob(name, await response.blob());
  return name;
}

function importPath(cluster: string, dir: string, query: Record<string, string>): string {
  return `${clusterPath(cluster, keyResource("import", dir))}?${new URLSearchParams(query)}`;
}

const jsonPost = (body: string, signal?: AbortSignal): RequestInit => ({ method: "POST", headers: { "content-type": "application/json" }, body, signal });

/** The dry run: what importing the file's text into `dir` would do. Nothing is written. */
export function previewImport(cluster: string, dir: string, fileText: string, signal?: AbortSignal): Promise<ImportPreview> {
  return apiFetch<ImportPreview>(importPath(cluster, dir, { dryRun: "true" }), jsonPost(fileText, signal));
}

/**
 * The import itself; `since` is the dry run's etcdIndex (a key changed after it is reported, not
 * overwritten). Calls `onProgress` as it goes; resolves with the report.
 */
export async function runImport(
  cluster: string,
  dir: string,
  fileText: string,
  options: { onExisting: "skip" | "overwrite"; since: number; signal?: AbortSignal },
  onProgress: (done: number, total: number) => void,
): Promise<ImportReport> {
  let report: ImportReport | null = null;
  const query = { onExisting: options.onExisting, ...(options.since > 0 ? { since: String(options.since) } : {}) };
  await fetchNdjson(importPath(cluster, dir, query), jsonPost(fileText, options.signal), (raw) => {
    const line = raw as ImportLine;
    if (line.type === "progress") onProgress(line.done, line.total);
    else if (line.type === "report") report = line.report;
  });
  if (!report) throw ApiError.of("internal", "The import ended without a report.");
  return report;
}
