// Values the integration globalSetup (etcd-global-setup.ts) provides to tests via inject().
export {};

declare module "vitest" {
  export interface ProvidedContext {
    /** Client URL of the shared test etcd, e.g. http://127.0.0.1:43121 */
    etcdURL: string;
  }
}
