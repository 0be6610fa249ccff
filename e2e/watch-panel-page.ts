// A Watch page panel as the browser tests find it (by its title, messages/en/watch.json panel.name): its region,
// event list, stream state and rows. Shared by the v2 and v3 Watch page specs.
import type { Locator, Page } from "@playwright/test";

/** The panel region titled `title` and the parts of it the tests use. */
export function panelByTitle(page: Page, title: string) {
  const region = page.getByRole("region", { name: `Watch ${title}`, exact: true });
  const list = region.getByRole("list", { name: `Events of ${title}`, exact: true });
  return {
    region,
    list,
    state: region.getByRole("status", { name: "Watch state" }),
    rows: list.getByRole("listitem"),
    /** The rows showing this action (the badge's exact text) and containing all of `texts`. */
    row(action: string, ...texts: string[]): Locator {
      let rows = list.getByRole("listitem").filter({ has: page.getByText(action, { exact: true }) });
      for (const text of texts) rows = rows.filter({ hasText: text });
      return rows;
    },
    button: (name: string) => region.getByRole("button", { name, exact: true }),
  };
}
