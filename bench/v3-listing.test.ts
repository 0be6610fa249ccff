import { describe, expect, it } from "vitest";
import { walkDir3, type DirPage3 } from "./v3-listing";

const FIRST = "http://dash/api/clusters/default/v3/keys?dir=/d/";

/** A fake dashboard: answers each URL from `pages`, records the URLs asked. */
function fake(pages: Record<string, DirPage3>) {
  const asked: string[] = [];
  const fetchPage = async (url: string) => {
    asked.push(url);
    const page = pages[url];
    if (!page) throw new Error(`unexpected URL ${url}`);
    return { page, bytes: JSON.stringify(page).length };
  };
  return { asked, fetchPage };
}

describe("walkDir3: a v3 listing through the dashboard, page after page", () => {
  it("reads one page when the answer is not truncated", async () => {
    const page = { revision: "7", children: [1, 2, 3], truncated: false };
    const { asked, fetchPage } = fake({ [FIRST]: page });
    expect(await walkDir3(FIRST, fetchPage)).toEqual({ children: 3, pages: 1, bytes: JSON.stringify(page).length, revision: "7" });
    expect(asked).toEqual([FIRST]);
  });

  it("goes on from each resumeKey at the first page's revision, the key percent-encoded, until an answer is complete", async () => {
    const second = `${FIRST}&revision=9&from=%2Fd%2Fk%20b%26c%5Cxff`;
    const third = `${FIRST}&revision=9&from=%2Fd%2Fz`;
    const { asked, fetchPage } = fake({
      [FIRST]: { revision: "9", children: [1, 2], truncated: true, resumeKey: "/d/k b&c\\xff" },
      [second]: { revision: "9", children: [3, 4], truncated: true, resumeKey: "/d/z" },
      [third]: { revision: "9", children: [5], truncated: false },
    });
    const walk = await walkDir3(FIRST, fetchPage);
    expect(asked).toEqual([FIRST, second, third]);
    expect(walk).toMatchObject({ children: 5, pages: 3, revision: "9" });
  });

  it("fails when a later page was read at another revision: the listing would not be one snapshot", async () => {
    const { fetchPage } = fake({
      [FIRST]: { revision: "9", children: [1], truncated: true, resumeKey: "/d/a" },
      [`${FIRST}&revision=9&from=%2Fd%2Fa`]: { revision: "10", children: [2], truncated: false },
    });
    await expect(walkDir3(FIRST, fetchPage)).rejects.toThrow(/revision 10, not 9/);
  });

  it("fails instead of looping when a truncated page gives nothing to go on from", async () => {
    const { fetchPage } = fake({ [FIRST]: { revision: "9", children: [1], truncated: true } });
    await expect(walkDir3(FIRST, fetchPage)).rejects.toThrow(/nothing to go on from/);
    const empty = fake({ [FIRST]: { revision: "9", children: [], truncated: true, resumeKey: "/d/a" } });
    await expect(walkDir3(FIRST, empty.fetchPage)).rejects.toThrow(/nothing to go on from/);
  });
});
