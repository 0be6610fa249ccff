// The etcd auth page in Chromium, against an etcd and a dashboard of this spec's own (enabling auth on the
// shared e2e etcd would break every spec running beside it). The dashboard is configured with root's
// credentials from the start: etcd ignores credentials while auth is off, and needs them once it is on.
// Every step is checked against etcd itself.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { startOwnEtcd, type OwnEtcd } from "./own-etcd";

const ROOT_PASSWORD = "page-root-pw-5b2c81";
const APP_PASSWORD = "page-app-pw-0d94e7";
const NEW_APP_PASSWORD = "page-app-pw-new-66a1f3";

let own: OwnEtcd;
const direct: OwnEtcd["direct"] = (...args) => own.direct(...args);
const asRoot: [string, string] = ["root", ROOT_PASSWORD];

const users = (page: Page) => page.getByRole("table", { name: "Users" });
const roles = (page: Page) => page.getByRole("table", { name: "Roles" });
const userRow = (page: Page, name: string) => users(page).getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });
const roleRow = (page: Page, name: string) => roles(page).getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });
const guestWarning = (page: Page) => page.getByRole("alert").filter({ hasText: "restricts nothing until the guest role is narrowed" });

async function fillPasswords(page: Page, label: string, password: string) {
  const dialog = page.getByRole("dialog");
  for (const field of [dialog.getByLabel(label, { exact: true }), dialog.getByLabel(`Repeat ${label.toLowerCase()}`)]) {
    await expect(field).toHaveAttribute("type", "password");
    await expect(field).toHaveAttribute("autocomplete", "new-password");
    await field.fill(password);
  }
}

test.describe("etcd auth page", () => {
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    own = await startOwnEtcd("auth-page", (url) => [{ name: "default", endpoints: [url], username: "root", password: ROOT_PASSWORD }]);
  });
  test.afterAll(async () => {
    await own?.stop();
  });

  test("create root, a role and a user, enable auth, narrow guest, disable auth", async ({ page }) => {
    test.setTimeout(90_000);
    const pageErrors: Error[] = [];
    page.on("pageerror", (error) => pageErrors.push(error));
    await page.goto(`${own.dashboard.url}/keys`);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "etcd auth" }).click();
    await expect(page).toHaveURL(/\/etcd-auth$/);
    await expect(page.getByRole("heading", { level: 1, name: "etcd auth on default" })).toBeVisible();
    await expect(page.getByText("Auth is disabled on cluster default.")).toBeVisible();
    await expect(guestWarning(page)).toContainText("Enabling auth restricts nothing");

    // Without a root user, a set-up checklist instead of "Enable auth": each step done or not yet, and why.
    const checklist = page.getByRole("list", { name: "Set-up checklist" });
    const step = (name: string) => checklist.getByRole("listitem").filter({ has: page.getByText(name, { exact: true }) });
    await expect(step("Create a user named root")).toContainText("Not yet");
    await expect(step("Create a user named root")).toContainText("etcd enables auth only once a user named root exists.");
    await expect(step("Give the dashboard root's credentials for this cluster")).toContainText("Not possible yet: first “Create a user named root”.");
    await expect(step("Narrow the guest role")).toContainText("Advised");
    await expect(step("Enable auth")).toContainText("Not yet");
    await expect(page.getByRole("button", { name: "Enable auth…" })).toHaveCount(0);

    // root, through the status's shortcut.
    await step("Create a user named root").getByRole("button", { name: "Create root user…" }).click();
    let dialog = page.getByRole("dialog", { name: "Create user" });
    await expect(dialog.getByLabel("User name")).toHaveValue("root");
    await fillPasswords(page, "Password", ROOT_PASSWORD);
    await dialog.getByRole("button", { name: "Create user" }).click();
    await expect(dialog).toBeHidden();
    await expect(userRow(page, "root")).toContainText("root");
    expect((await direct("GET", "/v2/auth/users/root")).json).toMatchObject({ user: "root", roles: [{ role: "root" }] });
    // root exists and the dashboard's credentials are root's: the steps give way to "Enable auth".
    await expect(checklist).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Enable auth…" })).toBeVisible();

    // A role with read and write patterns.
    await page.getByRole("button", { name: "Create role" }).click();
    dialog = page.getByRole("dialog", { name: "Create role" });
    await dialog.getByLabel("Role name").fill("app");
    await dialog.getByLabel("Read patterns").fill("app/*");
    await dialog.getByRole("button", { name: "Create role" }).click();
    await expect(dialog.getByText('app/*: a key pattern starts with "/"')).toBeVisible();
    await dialog.getByLabel("Read patterns").fill("/app/*\n/shared");
    await dialog.getByLabel("Write patterns").fill("/app/*");
    await dialog.getByRole("button", { name: "Create role" }).click();
    await expect(dialog).toBeHidden();
    await expect(roleRow(page, "app")).toContainText("/shared");
    expect((await direct("GET", "/v2/auth/roles/app")).json).toEqual({ role: "app", permissions: { kv: { read: ["/app/*", "/shared"], write: ["/app/*"] } } });

    // A user holding it; mismatched passwords are caught before anything is sent.
    await page.getByRole("button", { name: "Create user" }).click();
    dialog = page.getByRole("dialog", { name: "Create user" });
    await dialog.getByLabel("User name").fill("appuser");
    await dialog.getByLabel("Password", { exact: true }).fill(APP_PASSWORD);
    await dialog.getByLabel("Repeat password").fill("something else");
    await dialog.getByRole("checkbox", { name: "app" }).check();
    await dialog.getByRole("button", { name: "Create user" }).click();
    await expect(dialog.getByText("the passwords differ")).toBeVisible();
    await fillPasswords(page, "Password", APP_PASSWORD);
    await dialog.getByRole("button", { name: "Create user" }).click();
    await expect(dialog).toBeHidden();
    await expect(userRow(page, "appuser").getByRole("cell").first()).toHaveText("app");
    expect((await direct("GET", "/v2/auth/users/appuser")).json).toMatchObject({ user: "appuser", roles: [{ role: "app" }] });

    // Enable: the dashboard connects as root, so it may.
    await page.getByRole("button", { name: "Enable auth…" }).click();
    dialog = page.getByRole("dialog", { name: "Enable auth on default?" });
    await expect(dialog).toContainText("Enabling auth restricts nothing until the guest role is narrowed");
    await dialog.getByRole("button", { name: "Enable auth" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText("Auth is enabled on cluster default.")).toBeVisible();
    expect((await direct("GET", "/v2/auth/enable")).json).toEqual({ enabled: true });
    // The guest warning, and it is true: a request without credentials still writes.
    await expect(guestWarning(page)).toContainText("Auth is enabled, but it restricts nothing");
    expect((await direct("PUT", "/v2/keys/open/1", { value: "anyone" })).status).toBe(201);

    await guestWarning(page).getByRole("button", { name: "Narrow guest…" }).click();
    dialog = page.getByRole("dialog", { name: "Narrow the guest role?" });
    await expect(dialog.getByRole("checkbox", { name: "Also take away read access to every key" })).not.toBeChecked();
    await dialog.getByRole("button", { name: "Narrow guest" }).click();
    await expect(dialog).toBeHidden();
    await expect(guestWarning(page)).toBeHidden();
    await expect(page.getByText("Guest may not write, but requests without credentials may read every key.")).toBeVisible();
    await expect(roleRow(page, "guest").getByRole("cell").nth(1)).toHaveText("none");
    const refused = await direct("PUT", "/v2/keys/open/2", { value: "anyone" });
    expect(refused.status).toBe(401);
    expect((await direct("GET", "/v2/keys/open/1")).status).toBe(200);

    // Edit a role's permissions and a user's password, checked by what etcd lets appuser do.
    await roleRow(page, "app").getByRole("button", { name: "Edit permissions of app" }).click();
    dialog = page.getByRole("dialog", { name: "Permissions of app" });
    await expect(dialog.getByLabel("Write patterns")).toHaveValue("/app/*");
    await dialog.getByLabel("Write patterns").fill("/app/*\n/shared");
    await dialog.getByRole("button", { name: "Save permissions" }).click();
    await expect(dialog).toBeHidden();
    expect((await direct("GET", "/v2/auth/roles/app", { auth: asRoot })).json.permissions.kv.write).toEqual(["/app/*", "/shared"]);
    expect((await direct("PUT", "/v2/keys/shared", { value: "1", auth: ["appuser", APP_PASSWORD] })).status).toBe(201);

    await userRow(page, "appuser").getByRole("button", { name: "Change password of appuser" }).click();
    dialog = page.getByRole("dialog", { name: "Change password of appuser" });
    await fillPasswords(page, "New password", NEW_APP_PASSWORD);
    await dialog.getByRole("button", { name: "Change password" }).click();
    await expect(dialog).toBeHidden();
    expect((await direct("PUT", "/v2/keys/shared", { value: "2", auth: ["appuser", APP_PASSWORD] })).status).toBe(401);
    expect((await direct("PUT", "/v2/keys/shared", { value: "2", auth: ["appuser", NEW_APP_PASSWORD] })).status).toBe(200);

    // Revoke the role through the roles dialog.
    await userRow(page, "appuser").getByRole("button", { name: "Edit roles of appuser" }).click();
    dialog = page.getByRole("dialog", { name: "Roles of appuser" });
    await dialog.getByRole("checkbox", { name: "app" }).uncheck();
    await dialog.getByRole("button", { name: "Save roles" }).click();
    await expect(dialog).toBeHidden();
    await expect(userRow(page, "appuser").getByRole("cell").first()).toHaveText("none");
    expect((await direct("PUT", "/v2/keys/shared", { value: "3", auth: ["appuser", NEW_APP_PASSWORD] })).status).toBe(401);

    // Disable, with its confirmation.
    await page.getByRole("button", { name: "Disable auth…" }).click();
    dialog = page.getByRole("dialog", { name: "Disable auth on default?" });
    await expect(dialog).toContainText("Every client, with or without credentials, may then read and write every key.");
    await dialog.getByRole("button", { name: "Disable auth" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText("Auth is disabled on cluster default.")).toBeVisible();
    expect((await direct("GET", "/v2/auth/enable")).json).toEqual({ enabled: false });

    // Delete a user and a role, each after a confirmation.
    await userRow(page, "appuser").getByRole("button", { name: "Delete user appuser" }).click();
    dialog = page.getByRole("dialog", { name: "Delete user appuser?" });
    await dialog.getByRole("button", { name: "Delete user" }).click();
    // The dialog closes once the API has answered; the row must then be gone from a loaded table
    // (while the list reloads there are no rows at all, which proves nothing).
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("table", { name: "Users" })).toBeVisible();
    await expect(userRow(page, "appuser")).toHaveCount(0);
    await roleRow(page, "app").getByRole("button", { name: "Delete role app" }).click();
    dialog = page.getByRole("dialog", { name: "Delete role app?" });
    await dialog.getByRole("button", { name: "Delete role" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("table", { name: "Roles" })).toBeVisible();
    await expect(roleRow(page, "app")).toHaveCount(0);
    expect((await direct("GET", "/v2/auth/users/appuser")).status).toBe(404);
    expect((await direct("GET", "/v2/auth/roles/app")).status).toBe(404);

    // No password ever reached the page.
    const html = await page.content();
    for (const secret of [ROOT_PASSWORD, APP_PASSWORD, NEW_APP_PASSWORD]) expect(html).not.toContain(secret);
    expect(pageErrors).toEqual([]);
  });
});
