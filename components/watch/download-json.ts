/** Saves `data` as a JSON file through the browser's download (a Blob URL: nothing goes to the server). */
export function downloadJson(fileName: string, data: unknown): void {
  downloadBlob(fileName, new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
}

/** Saves a Blob as a file through the browser's download. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  // The download has started by the next turn, but some browsers read the URL late: free it later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
