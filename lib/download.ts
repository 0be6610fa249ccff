// Saving data as a file through the browser's download: a Blob URL, so nothing goes to the server.

/** Saves `data` as a JSON file. */
export function downloadJson(fileName: string, data: unknown): void {
  downloadBlob(fileName, new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
}

/** Saves a Blob as a file. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  // In the document while clicked: some browsers ignore a click on a detached link.
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by the next turn, but some browsers read the URL late: free it later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
