import { ClusterCard } from "@/components/home/cluster-card";
import { listClusters } from "@/lib/clusters";
import { serverTranslator } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

// /: every configured cluster at a glance (health, leader, members, top-level keys, version, recent writes)
// with links into its Keys, Cluster, Watch and Audit pages.
export default async function HomePage() {
  const clusters = listClusters();
  const t = await serverTranslator();
  return (
    <main className="mx-auto max-w-5xl p-4 sm:p-8">
      <h1 className="text-2xl font-semibold">{t("home.title")}</h1>
      <section aria-labelledby="clusters-heading" className="mt-6 grid gap-4 lg:grid-cols-2">
        <h2 id="clusters-heading" className="sr-only">
          {t("home.title")}
        </h2>
        {clusters.map((cluster) => (
          <ClusterCard key={cluster.name} cluster={cluster} />
        ))}
      </section>
    </main>
  );
}
