// Cross-site requests, made for real by Chromium from a page of another origin (another loopback port):
// whatever the page sends (a simple fetch that needs no preflight, a JSON fetch, a form post), no write
// reaches etcd, and the dashboard answers the ones the browser lets through with 403 cross_origin.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { encodeKey, expect, test } from "./fixtures";

function attackerPage(target: string): string {
  return `<!doctype html><html><body>
<form id="f" method="POST" action="${target}" enctype="text/plain"><input name='{"value":"form","x":"' value='"}'></form>
<script>
  window.results = [];
  const send = (init) => fetch(${JSON.stringify(target)}, init).then((r) => r.type + ":" + r.status, (e) => "blocked:" + e.name);
  Promise.all([
    send({ method: "POST", mode: "no-cors", headers: { "content-type": "text/plain" }, body: JSON.stringify({ value: "simple" }) }),
    send({ method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ value: "json" }) }),
    send({ method: "DELETE", mode: "no-cors" }),
  ]).then((r) => { window.results = r; document.title = "sent"; });
</script></body></html>`;
}

test("a page of another origin cannot change etcd through the dashboard", async ({ page, baseURL, etcd, ns }) => {
  await etcd.put(`${ns}/dir/keep`, "original");
  const target = `${baseURL}/api/clusters/default/keys${encodeKey(`${ns}/dir`)}`;
  const attacker = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.end(attackerPage(target));
  });
  await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
  try {
    const statuses: number[] = [];
    page.on("response", (response) => {
      if (response.url() === target && response.request().method() !== "OPTIONS") statuses.push(response.status());
    });
    await page.goto(`http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`);
    await expect(page).toHaveTitle("sent");
    const results = await page.evaluate(() => (window as unknown as { results: string[] }).results);
    // The simple POST arrives (an opaque answer, refused by the dashboard); the browser stops the JSON PUT
    // at its preflight and does not send a DELETE in no-cors mode at all.
    expect(results).toEqual(["opaque:0", expect.stringMatching(/^blocked:/), expect.stringMatching(/^blocked:/)]);
    await expect.poll(() => statuses.length).toBe(1);
    expect(statuses).toEqual([403]);
    // A plain HTML form, the oldest cross-site write there is.
    const formAnswer = page.waitForResponse((r) => r.url() === target && r.request().resourceType() === "document");
    await page.evaluate(() => (document.getElementById("f") as HTMLFormElement).submit());
    expect((await formAnswer).status()).toBe(403);
    const listing = await etcd.get(`${ns}/dir`);
    expect(listing.body.node?.nodes?.map((n) => [n.key, n.value])).toEqual([[`${ns}/dir/keep`, "original"]]);
  } finally {
    attacker.close();
  }
});
