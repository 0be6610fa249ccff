"use client";
import { useState } from "react";
import { useAccess } from "@/lib/hooks/use-access";
import { useClusterParam } from "@/lib/hooks/use-cluster-param";
import { useAuthOverview, useAuthRoles, useAuthUsers, useRevalidateAuth } from "@/lib/hooks/use-etcd-auth";
import { RolesSection } from "./roles-section";
import { StatusSection } from "./status-section";
import { UsersSection } from "./users-section";

/** The etcd auth page, for admins only (the API refuses everyone else too). */
export function EtcdAuthPage() {
  const cluster = useClusterParam();
  const { can } = useAccess();
  if (!can("admin")) {
    return (
      <main className="p-6">
        <h1 className="text-2xl font-semibold">etcd auth</h1>
        <p role="alert" className="mt-4 text-sm">
          Only admins may see and change etcd&apos;s users and roles.
        </p>
      </main>
    );
  }
  return <EtcdAuthAdministration cluster={cluster} />;
}

/** Auth on / off, guest's reach, users and roles of the cluster in the URL. */
function EtcdAuthAdministration({ cluster }: { cluster: string }) {
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
        <h1 className="text-2xl font-semibold">etcd auth on {cluster}</h1>
        <p className="text-sm text-zinc-500">etcd&apos;s own v2 users and roles: who may read and write which keys in etcd.</p>
      </header>
      {error ? (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200">
          {error.message}
        </div>
      ) : null}
      {!overview ? (
        error ? null : (
          <p role="status" className="text-sm text-zinc-500">
            Loading etcd auth…
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
            <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
              Auth is enabled and etcd shows users and roles only to root: configure the username and password of a user with the root role for cluster {cluster} in the dashboard&apos;s configuration, then reload.
            </div>
          )}
        </>
      )}
    </main>
  );
}
