// A v3 directory listing through the dashboard as the Keys page reads it: `GET …/v3/keys?dir=<prefix>`, then, while
// the answer is truncated, the next page with its `revision` and `from=resumeKey` (lib/api/keys3.ts), until done.
// The fetch is injected: the bench gives it a keep-alive HTTP GET, the unit test a fake.

/** The part of a Dir3Response (lib/api/keys3.ts) the walk reads. */
export interface DirPage3 {
  revision: string;
  children: unknown[];
  truncated: boolean;
  resumeKey?: string;
}

export interface DirWalk3 {
  children: number;
  pages: number;
  /** Bytes of every answer. */
  bytes: number;
  revision: string;
}

export type FetchDirPage3 = (url: string) => Promise<{ page: DirPage3; bytes: number }>;

/** Every page of the listing whose first page is `firstURL` (it already holds `?dir=`). */
export async function walkDir3(firstURL: string, fetchPage: FetchDirPage3): Promise<DirWalk3> {
  let url = firstURL;
  let walk: DirWalk3 | undefined;
  for (;;) {
    const { page, bytes } = await fetchPage(url);
    if (walk && page.revision !== walk.revision) throw new Error(`page ${walk.pages + 1} of ${firstURL} was read at revision ${page.revision}, not ${walk.revision}`);
    walk = { children: (walk?.children ?? 0) + page.children.length, pages: (walk?.pages ?? 0) + 1, bytes: (walk?.bytes ?? 0) + bytes, revision: page.revision };
    if (!page.truncated) return walk;
    if (page.resumeKey === undefined || page.children.length === 0) throw new Error(`page ${walk.pages} of ${firstURL} is truncated but gives nothing to go on from`);
    // resumeKey is a display form (valid Unicode, lib/keyspace3/key-bytes.ts): percent-encoding it whole is exact.
    url = `${firstURL}&revision=${page.revision}&from=${encodeURIComponent(page.resumeKey)}`;
  }
}
