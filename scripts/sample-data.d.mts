// Types for sample-data.mjs; keep in sync.
/** Hidden key whose presence means the sample data was loaded before. */
export const MARKER_KEY: string;
/** Write the sample keyspace through the v2 API unless MARKER_KEY exists. */
export function loadSampleData(clientURL: string): Promise<{ loaded: boolean; keys: number }>;
/** The web app's config (a JSON value in both keyspaces). */
export const webConfig: Record<string, unknown>;
/** The api app's config (a YAML value in both keyspaces). */
export const apiConfigYaml: string;
