// The v3 sample data from the command line, and the demo's lease keeper (`npm run demo` runs both):
//   node --conditions=react-server --import tsx scripts/sample-data3-cli.ts http://127.0.0.1:2379
//   … --keep-lease   instead stays up, keeping the leased key on a live lease until SIGTERM / SIGINT
// `--conditions=react-server` lets lib/etcd3's `import "server-only"` load outside Next.js.
import { Etcd3Client } from "../lib/etcd3/client";
import { ensureLeasedKey, keepLeaseAlive, LEASED_KEY, loadSampleData3, MARKER_KEY3 } from "./sample-data3";

const [url, flag] = process.argv.slice(2);
if (!url || !/^https?:\/\//.test(url) || (flag !== undefined && flag !== "--keep-lease")) {
  console.error("usage: node --conditions=react-server --import tsx scripts/sample-data3-cli.ts http://127.0.0.1:2379 [--keep-lease]");
  process.exit(2);
}

const client = new Etcd3Client({ endpoints: [url] });
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function load(): Promise<void> {
  const result = await loadSampleData3(client);
  console.log(
    result.loaded
      ? `sample data (v3): wrote ${result.keys} keys to ${url}`
      : `sample data (v3): already loaded on ${url} (${MARKER_KEY3} exists); left unchanged`,
  );
  client.close();
}

async function keepLease(): Promise<void> {
  const keeper = keepLeaseAlive(client, await ensureLeasedKey(client), {
    onError: (error) => console.error(`sample data (v3): renewing the lease of ${LEASED_KEY} failed: ${message(error)}`),
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      keeper.stop();
      client.close();
      process.exit(0);
    });
  }
}

(flag === "--keep-lease" ? keepLease() : load()).catch((error: unknown) => {
  console.error(`sample data (v3): ${message(error)}`);
  client.close();
  process.exit(1);
});
