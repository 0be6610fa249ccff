// Values that are not text: shown as hex and base64 rather than garbled (read-only as text), and files
// stored base64-encoded (etcd v2 stores text), checked byte for byte through etcd.
import fs from "node:fs";
import { randomBytes } from "node:crypto";
import { expect, test } from "./fixtures";
import { encodeKey } from "./fixtures";
import { openKey, panel, valueEditor } from "./key-page";

/** Writes form-encoded bytes straight to etcd (e.g. "%FF%FE" that are not UTF-8). */
async function putRaw(etcdUrl: string, key: string, encodedValue: string) {
  const response = await fetch(`${etcdUrl}/v2/keys${encodeKey(key)}`, {
    method: "PUT",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: `value=${encodedValue}`,
  });
  expect(response.status).toBe(201);
}

test.describe("values that are not text", () => {
  test("control bytes show as a hex dump and base64 by default, and read-only as text", async ({ page, etcd, ns }) => {
    const value = "\u0000\u0001\u0002PNG\r\n\u001a\nrest";
    await etcd.put(`${ns}/bin`, value);
    await openKey(page, `${ns}/bin`);
    await expect(panel(page).getByRole("radio", { name: "Hex" })).toBeChecked();
    await expect(panel(page).getByRole("note", { name: "Not text" })).toContainText("It holds control characters.");
    await expect(panel(page).getByRole("region", { name: "Hex dump" })).toHaveText("00000000  00 01 02 50 4e 47 0d 0a  1a 0a 72 65 73 74        |...PNG....rest|");
    await expect(valueEditor(page)).toHaveCount(0);

    await panel(page).getByRole("radio", { name: "Base64" }).check();
    await expect(panel(page).getByRole("region", { name: "Base64" })).toHaveText(Buffer.from(value, "utf8").toString("base64"));

    await panel(page).getByRole("radio", { name: "Text" }).check();
    await expect(valueEditor(page)).toHaveAttribute("contenteditable", "false");
    await expect(panel(page).getByRole("note", { name: "Not text" })).toContainText("editing it as text would change its bytes");
  });

  test("bytes etcd could not return as UTF-8 show as U+FFFD's bytes in hex, not as garbled text", async ({ page, etcd, ns }) => {
    await putRaw(etcd.url, `${ns}/latin1`, "%FF%FEok%00");
    await openKey(page, `${ns}/latin1`);
    await expect(panel(page).getByRole("radio", { name: "Hex" })).toBeChecked();
    await expect(panel(page).getByRole("note", { name: "Not text" })).toContainText("U+FFFD replacement characters");
    await expect(panel(page).getByRole("region", { name: "Hex dump" })).toHaveText("00000000  ef bf bd ef bf bd 6f 6b  00                       |......ok.|");
  });

  test("a text value opens as text, and can be seen as hex or base64 too", async ({ page, etcd, ns }) => {
    await etcd.put(`${ns}/text`, "héllo\tworld\n");
    await openKey(page, `${ns}/text`);
    await expect(panel(page).getByRole("radio", { name: "Text" })).toBeChecked();
    await expect(panel(page).getByRole("note", { name: "Not text" })).toHaveCount(0);
    await expect(valueEditor(page)).toHaveAttribute("contenteditable", "true");
    await panel(page).getByRole("radio", { name: "Hex" }).check();
    await expect(panel(page).getByRole("region", { name: "Hex dump" })).toContainText("68 c3 a9 6c 6c 6f 09 77");
  });
});

test.describe("storing a file", () => {
  test("Store a file… in the editor saves its base64; the bytes decode back exactly, and Download decoded gives them back", async ({ page, etcd, ns }) => {
    const bytes = Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), randomBytes(5000)]);
    await etcd.put(`${ns}/file`, "placeholder");
    await openKey(page, `${ns}/file`);
    // The base64 note belongs to storing a file: not under the editor until a file is loaded.
    await expect(panel(page).getByText("etcd's v2 API stores values as text")).toHaveCount(0);
    await panel(page).getByLabel("Store a file…").setInputFiles({ name: "blob.bin", mimeType: "application/octet-stream", buffer: bytes });
    await expect(panel(page).getByRole("status", { name: "File loaded" })).toHaveText(
      `blob.bin (5.1 KiB) loaded as base64 (${bytes.toString("base64").length.toLocaleString("en-US")} characters): etcd's v2 API stores values as text, so whoever reads the value must decode it (Download decoded does). Save to store it.`,
    );
    await panel(page).getByRole("button", { name: "Save" }).click();
    await expect(page.getByText(`Saved ${ns}/file`)).toBeVisible();
    const stored = await etcd.value(`${ns}/file`);
    expect(stored).toBe(bytes.toString("base64"));
    expect(Buffer.from(stored!, "base64").equals(bytes)).toBe(true);

    const download = page.waitForEvent("download");
    await panel(page).getByRole("button", { name: "Download decoded" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("file.bin");
    expect(fs.readFileSync(await file.path()).equals(bytes)).toBe(true);
  });

  test("New key with Store a file… creates the key with the file's base64", async ({ page, etcd, ns }) => {
    const bytes = randomBytes(3000);
    await etcd.put(`${ns}/dir/other`, "x");
    await openKey(page, `${ns}/dir`);
    await panel(page).getByRole("button", { name: "New key" }).click();
    const dialog = page.getByRole("dialog", { name: "New key" });
    await dialog.getByLabel("Key name").fill("upload");
    await dialog.getByLabel("Store a file…").setInputFiles({ name: "up.bin", mimeType: "application/octet-stream", buffer: bytes });
    await expect(dialog.getByLabel("Value")).toHaveValue(bytes.toString("base64"));
    await dialog.getByRole("button", { name: "Create" }).click();
    await expect(page.getByText(`Created ${ns}/dir/upload`)).toBeVisible();
    expect(Buffer.from((await etcd.value(`${ns}/dir/upload`))!, "base64").equals(bytes)).toBe(true);
  });

  test("a file too large for etcd once encoded is refused with the reason, and nothing changes", async ({ page, etcd, ns }) => {
    await etcd.put(`${ns}/big`, "small");
    await openKey(page, `${ns}/big`);
    await panel(page).getByLabel("Store a file…").setInputFiles({ name: "huge.bin", mimeType: "application/octet-stream", buffer: Buffer.alloc(8 * 1024 * 1024, 0xfb) });
    await expect(panel(page).getByRole("alert")).toContainText("huge.bin is 8.0 MiB");
    await expect(panel(page).getByRole("alert")).toContainText("over etcd's 10 MiB limit for a value");
    await expect(panel(page).getByText("(unsaved changes)")).toHaveCount(0);
    expect(await etcd.value(`${ns}/big`)).toBe("small");
  });
});
