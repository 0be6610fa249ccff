// The Audit page in Chromium against the built dashboard: writes made through the API appear with their
// fields, the filter lives in the URL (reload and Back keep it), a failed compare-and-swap is found with
// result=failed, new writes appear without a reload, keys are shown as text only, and prevValues
// not at all.
// Other specs write to the same log: every test filters on its own `ns` prefix.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { keyPage } from "./key-page";

const filterForm = (page: Page) => page.getByRole("form", { name: "Filter" });
const table = (page: Page) => page.getByRole("table", { name: "Audit log" });
/** The entry rows (the header row has no cells). */
const rows = (page: Page) => table(page).getByRole("row").filter({ has: page.getByRole("cell") });

async function apply(page: Page) {
  await filterForm(page).getByRole("button", { name: "Apply" }).click();
}

/** The browser's local time `offsetMs` from now, as a datetime-local input holds it. */
function localInputTime(page: Page, offsetMs: number): Promise<string> {
  return page.evaluate((offset) => {
    const d = new Date(Date.now() + offset);
    const p = (n: number) => String(n).padStart(2, "0");
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
  }, offsetMs);
}

test("writes made through the API appear with their fields, filtered as the URL says", async ({ page, request, keysUrl, ns }) => {
  const key = `${ns}/app`;
  const created = await request.put(keysUrl(key), { data: { value: "one", prevExist: false, ttl: 300 } });
  expect(created.status()).toBe(201);
  const index = ((await created.json()) as { node: { modifiedIndex: number } }).node.modifiedIndex;
  expect((await request.put(keysUrl(key), { data: { value: "two", prevIndex: index + 1000 } })).status()).toBe(412);
  expect((await request.delete(`${keysUrl(key)}?prevIndex=${index}`)).status()).toBe(200);

  await page.goto("/audit");
  await expect(page.getByRole("heading", { name: "Audit", level: 1 })).toBeVisible();
  await filterForm(page).getByLabel("Key, member or etcd name contains").fill(ns);
  await apply(page);
  await expect(page).toHaveURL(`/audit?q=${encodeURIComponent(ns)}`);
  await expect(rows(page)).toHaveCount(3);

  const [deleted, failed, first] = [rows(page).nth(0), rows(page).nth(1), rows(page).nth(2)];
  await expect(deleted.getByRole("cell")).toHaveText([/\d/, "anonymous", "default", "delete", key, `prevIndex = ${index}`, "", /^ok\s*compareAndDelete, index \d+$/]);
  await expect(failed.getByRole("cell")).toHaveText([/\d/, "anonymous", "default", "put", key, `prevIndex = ${index + 1000}`, "", /^failed\s*compare_failed \(etcd 101\)/]);
  await expect(first.getByRole("cell")).toHaveText([/\d/, "anonymous", "default", "put", key, "prevExist = false", "ttl = 300", new RegExp(`^ok\\s*create, index ${index}$`)]);
  // Local time in the cell, the ISO time in its title.
  await expect(first.locator("time")).toHaveAttribute("title", /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  await expect(failed).not.toContainText("two");

  // Only the failed compare-and-swap; the URL keeps both criteria, a reload too.
  await filterForm(page).getByLabel("Result").selectOption("failed");
  await apply(page);
  await expect(page).toHaveURL(`/audit?result=failed&q=${encodeURIComponent(ns)}`);
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText(`prevIndex = ${index + 1000}`);
  await page.reload();
  await expect(filterForm(page).getByLabel("Key, member or etcd name contains")).toHaveValue(ns);
  await expect(filterForm(page).getByLabel("Result")).toHaveValue("failed");
  await expect(rows(page)).toHaveCount(1);

  // Back returns to the previous filter.
  await page.goBack();
  await expect(page).toHaveURL(`/audit?q=${encodeURIComponent(ns)}`);
  await expect(rows(page)).toHaveCount(3);
  await expect(filterForm(page).getByLabel("Result")).toHaveValue("");

  // A row's key opens that key on the Keys page.
  const link = rows(page).first().getByRole("link", { name: key });
  await expect(link).toHaveAttribute("href", keyPage(key));
  await link.click();
  await expect(page).toHaveURL(keyPage(key));
});

test("a filter given in the URL opens as given, new writes appear without a reload, Clear shows everything", async ({ page, request, keysUrl, ns }) => {
  await page.goto(`/audit?in=second&operation=put&q=${encodeURIComponent(ns)}`);
  await expect(filterForm(page).getByLabel("Cluster")).toHaveValue("second");
  await expect(filterForm(page).getByLabel("Operation")).toHaveValue("put");
  await expect(page.getByText("No entries match the filter.")).toBeVisible();

  expect((await request.put(keysUrl(`${ns}/elsewhere`), { data: { value: "x" } })).status()).toBe(201);
  expect((await request.put(keysUrl(`${ns}/here`, "second"), { data: { value: "x" } })).status()).toBe(201);
  expect((await request.delete(keysUrl(`${ns}/here`, "second"))).status()).toBe(200);
  // The page refreshes by itself: the put on `second` appears, the other cluster and operation do not.
  await expect(rows(page)).toHaveCount(1, { timeout: 15_000 });
  await expect(rows(page).first().getByRole("cell")).toHaveText([/\d/, "anonymous", "second", "put", `${ns}/here`, "", "", /^ok/]);
  await expect(rows(page).first().getByRole("link", { name: `${ns}/here` })).toHaveAttribute("href", `${keyPage(`${ns}/here`)}?cluster=second`);

  // A time range that ends before these writes finds none of them.
  await filterForm(page).getByLabel("To").fill(await localInputTime(page, -3_600_000));
  await apply(page);
  await expect(page).toHaveURL(/[?&]to=\d{4}-\d\d-\d\dT\d\d%3A\d\d%3A\d\d\.000Z/);
  await expect(page.getByText("No entries match the filter.")).toBeVisible();

  await filterForm(page).getByRole("button", { name: "Clear" }).click();
  await expect(page).toHaveURL("/audit");
  await expect(filterForm(page).getByLabel("Cluster")).toHaveValue("");
  await expect(rows(page).first()).toBeVisible();
});

test("keys that look like HTML are shown as text and never run; prevValues are not shown at all", async ({ page, request, keysUrl, ns }) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const img = `<img src=x onerror="window.__xss=1">`;
  const script = `<script>window.__xss=1</script>`;
  const svg = `<svg onload=alert(document.domain)>`;
  const imgKey = `${ns}/${img}`;
  const scriptKey = `${ns}/${script}`; // "/" inside: the key /<script>window.__xss=1< / script>
  const svgKey = `${ns}/${svg}`;
  expect((await request.put(keysUrl(imgKey), { data: { value: img } })).status()).toBe(201);
  // Compare-and-swaps on the payloads: the log records only that a value was compared, never which.
  expect((await request.put(keysUrl(imgKey), { data: { value: "next", prevValue: img } })).status()).toBe(200);
  expect((await request.put(keysUrl(imgKey), { data: { value: "again", prevValue: script } })).status()).toBe(412);
  expect((await request.put(keysUrl(scriptKey), { data: { value: "v" } })).status()).toBe(201);
  expect((await request.put(keysUrl(svgKey), { data: { value: "v", prevExist: false } })).status()).toBe(201);

  await page.goto(`/audit?q=${encodeURIComponent(ns)}`);
  await expect(rows(page)).toHaveCount(5);
  await expect(rows(page).nth(0).getByRole("link", { name: svgKey })).toBeVisible();
  await expect(rows(page).nth(1).getByRole("link", { name: scriptKey })).toBeVisible();
  await expect(rows(page).nth(2)).toContainText("prevValue compared");
  await expect(rows(page).nth(3)).toContainText("prevValue compared");
  await expect(rows(page).getByRole("link", { name: imgKey })).toHaveCount(3);
  // The filter can hold a payload too: it is only an input's value and a URL parameter.
  await filterForm(page).getByLabel("Key, member or etcd name contains").fill(svg);
  await apply(page);
  await expect(rows(page)).toHaveCount(1);
  await expect(filterForm(page).getByLabel("Key, member or etcd name contains")).toHaveValue(svg);

  await page.goBack();
  await expect(rows(page)).toHaveCount(5);
  await expect(page.locator("main img, main script, main svg:not([aria-hidden])")).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
});

test("a long log comes a page at a time: Load older adds the older entries", async ({ page, request, keysUrl, ns }) => {
  for (let i = 0; i < 105; i++) expect((await request.put(keysUrl(`${ns}/k${i}`), { data: { value: "x" } })).status()).toBe(201);
  await page.goto(`/audit?q=${encodeURIComponent(ns)}`);
  await expect(rows(page)).toHaveCount(100);
  await expect(rows(page).first()).toContainText(`${ns}/k104`);
  await expect(page.getByText("100 entries (older ones not loaded)", { exact: false })).toBeVisible();
  await page.getByRole("button", { name: "Load older" }).click();
  await expect(rows(page)).toHaveCount(105);
  await expect(rows(page).last()).toContainText(`${ns}/k0`);
  await expect(page.getByRole("button", { name: "Load older" })).toHaveCount(0);
});
