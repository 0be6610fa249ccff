"use client";
import { useState } from "react";
import { useTranslations } from "use-intl";
import { useAccess } from "@/lib/hooks/use-access";
import { useClusterParam } from "@/lib/hooks/use-cluster-param";
import { useAuthOverview, useAuthRoles, useAuthUsers, useRevalidateAuth } from "@/lib/hooks/use-etcd-auth";
import { RolesSection } from "./roles-section";
import { StatusSection } from "./status-section";
import { UsersSection } from "./users-section";

/** The etcd auth page, for admins only (the API refuses everyone else too). */
export function EtcdAuthPage() {
  const t = useTranslations("etcdAuth.page");
  const cluster = useClusterParam();
  const { can } = useAccess();
  if (!can("admin")) {
    return (
      <main className="p-6">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p role="alert" className="mt-4 text-sm">
          {t("adminsOnly")}
        </p>
      </main>
    );
  }
  return <EtcdAuthAdministration cluster={cluster} />;
}

/** Auth on / off, guest's reach, users and roles of the cluster in the URL. */
function EtcdAuthAdministration({ cluster }: { cluster: string }) {
  const t = useTranslations("etcdAuth.page");
  const { data: overview, error } = useAuthOverview(cluster);
  const manageable = overview?.manageable === true;
  const users = useAuthUsers(cluster, manageable);
  const roles = useAuthRoles(cluster, manageable);
  const revalidate = useRevalidateAuth();
  const onChanged = () => void revalidate(cluster);
  // The create-user dialog: null closed, otherwise the name it starts with.
  const [creating, setCreating] = useState<string | null>(null);

  return (
    <main className="mx-auto max-w-6xl space-y-4 p-6">
      <header>
        <h1 className="text-2xl font-semibold">{t("titleOn", { cluster })}</h1>
        <p className="text-sm text-muted">{t("intro")}</p>
      </header>
      {error ? (
        <div role="alert" className="rounded-md border border-danger-line bg-danger-soft p-3 text-sm text-danger">
          {error.message}
        </div>
      ) : null}
      {!overview ? (
        error ? null : (
          <p role="status" className="text-sm text-muted">
            {t("loading")}
          </p>
        )
      ) : (
        <>
          <StatusSection cluster={cluster} overview={overview} onChanged={onChanged} onCreateRoot={() => setCreating("root")} />
          {manageable ? (
            <>
              <UsersSection
                cluster={cluster}
                authEnabled={overview.enabled}
                users={users.data?.users}
                roles={roles.data?.roles}
                error={users.error}
                onChanged={onChanged}
                creating={creating}
                setCreating={setCreating}
              />
              <RolesSection cluster={cluster} roles={roles.data?.roles} users={users.data?.users} error={roles.error} onChanged={onChanged} />
            </>
          ) : (
            <div role="alert" className="rounded-md border border-warning-line bg-warning-soft p-3 text-sm text-warning">
              {t("rootOnly", { cluster })}
            </div>
          )}
        </>
      )}
    </main>
  );
}
