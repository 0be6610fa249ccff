import { ConnectionStatus } from "@/components/layout/connection-status";
import { listClusters } from "@/lib/clusters";

export const dynamic = "force-dynamic";

export default function HomePage() {
  const clusters = listClusters();
  return (
    <main className="mx-auto max-w-3xl p-8">
      <h1 className="text-2xl font-semibold">Clusters</h1>
      <section aria-labelledby="clusters-heading" className="mt-6 space-y-6">
        <h2 id="clusters-heading" className="sr-only">
          Clusters
        </h2>
        {clusters.map((cluster) => (
          <article key={cluster.name} aria-label={`Cluster ${cluster.name}`} className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
            <h3 className="mb-3 font-medium">
              {cluster.name}
              {cluster.readOnly ? <span className="ml-2 rounded bg-sky-50 px-1.5 py-0.5 text-xs font-normal text-sky-900 dark:bg-sky-950 dark:text-sky-100">read-only</span> : null}
              <span className="ml-2 text-sm font-normal text-zinc-500">
                {cluster.endpointCount} endpoint{cluster.endpointCount === 1 ? "" : "s"}
              </span>
            </h3>
            <ConnectionStatus cluster={cluster.name} />
          </article>
        ))}
      </section>
    </main>
  );
}
