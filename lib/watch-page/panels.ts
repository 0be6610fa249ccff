// The Watch page's panels live in the URL, so a link reopens them: one repeated `w=` parameter per
// panel, next to `cluster=`. A panel is written as its options, then its key (which always starts with
// "/", so the options end at the first "/"):
//
//   w=/config/app          the key /config/app
//   w=r/config             /config and everything below it (recursive)
//   w=r@120/config         the same, replaying etcd's history from index 120
//
// Pure; no browser or Next.js APIs.
import { keyProblem, type KeyProblem } from "@/lib/key-path";
import { DEFAULT_CLUSTER_NAME } from "@/lib/keys-url";

export interface PanelSpec {
  key: string;
  recursive: boolean;
  /** Replay etcd's history from this index (etcd keeps the last 1000 events); absent: from now on. */
  fromIndex?: number;
}

const PANEL_PARAM = "w";
const WATCH_PAGE_PATH = "/watch";

const PANEL_PATTERN = /^(r?)(?:@(\d{1,16}))?(\/.*)$/s;

export function formatPanelParam(spec: PanelSpec): string {
  return `${spec.recursive ? "r" : ""}${spec.fromIndex === undefined ? "" : `@${spec.fromIndex}`}${spec.key}`;
}

/** The panel a `w=` value describes, or null when it is malformed (a hand-edited link): it is skipped. */
export function parsePanelParam(value: string): PanelSpec | null {
  const match = PANEL_PATTERN.exec(value);
  if (!match) return null;
  const [, recursiveFlag, from, key] = match;
  if (key === undefined || keyProblem(key) !== null) return null;
  const spec: PanelSpec = { key, recursive: recursiveFlag === "r" };
  if (from !== undefined) {
    const fromIndex = Number(from);
    if (!isValidFromIndex(fromIndex)) return null;
    spec.fromIndex = fromIndex;
  }
  return spec;
}

function isValidFromIndex(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 1;
}

export function panelsFromSearchParams(params: Pick<URLSearchParams, "getAll">): PanelSpec[] {
  return params.getAll(PANEL_PARAM).flatMap((value) => parsePanelParam(value) ?? []);
}

/**
 * A query value percent-encoded, except "/", "@" and ":" (legal in a query, RFC 3986 §3.4), so a link
 * reads `w=r@120/config/app` rather than `w=r%40120%2Fconfig%2Fapp`.
 */
function encodeQueryValue(value: string): string {
  return encodeURIComponent(value).replace(/%2F/g, "/").replace(/%40/g, "@").replace(/%3A/g, ":");
}

/** The Watch page showing these panels on this cluster (`cluster=` left out for `default`). */
export function watchPageHref(cluster: string, panels: readonly PanelSpec[]): string {
  const parts: string[] = [];
  if (cluster !== DEFAULT_CLUSTER_NAME) parts.push(`cluster=${encodeQueryValue(cluster)}`);
  for (const panel of panels) parts.push(`${PANEL_PARAM}=${encodeQueryValue(formatPanelParam(panel))}`);
  return parts.length ? `${WATCH_PAGE_PATH}?${parts.join("&")}` : WATCH_PAGE_PATH;
}

/**
 * A stable identity per panel for React: its URL form, plus a counter when the same panel is open
 * twice. Adding or removing another panel keeps every other panel (and its log) mounted.
 */
export function panelIds(panels: readonly PanelSpec[]): string[] {
  const seen = new Map<string, number>();
  return panels.map((panel) => {
    const form = formatPanelParam(panel);
    const count = seen.get(form) ?? 0;
    seen.set(form, count + 1);
    return count === 0 ? form : `${form}#${count + 1}`;
  });
}

/** What the "Add panel" form holds, as typed. */
export interface PanelForm {
  key: string;
  recursive: boolean;
  fromIndex: string;
}

/** What is wrong with the form, as codes (the form words them): no key, a key the shared rules refuse, a bad from index. */
export interface PanelFormErrors {
  key?: { code: "missing" } | KeyProblem;
  fromIndex?: "notWholePositive";
}

export type PanelFormResult = { ok: true; spec: PanelSpec } | { ok: false; errors: PanelFormErrors };

/**
 * Checks the form with the shared key rules. A missing leading "/" is added ("config/app" means
 * "/config/app"); nothing else is changed, since spaces and other characters are legal in keys.
 */
export function parsePanelForm(form: PanelForm): PanelFormResult {
  const errors: PanelFormErrors = {};
  let key = form.key;
  if (key === "") errors.key = { code: "missing" };
  else {
    if (!key.startsWith("/")) key = `/${key}`;
    const problem = keyProblem(key);
    if (problem) errors.key = problem;
  }
  let fromIndex: number | undefined;
  const fromText = form.fromIndex.trim();
  if (fromText !== "") {
    fromIndex = /^\d+$/.test(fromText) ? Number(fromText) : Number.NaN;
    if (!isValidFromIndex(fromIndex)) errors.fromIndex = "notWholePositive";
  }
  if (errors.key || errors.fromIndex) return { ok: false, errors };
  const spec: PanelSpec = { key, recursive: form.recursive };
  if (fromIndex !== undefined) spec.fromIndex = fromIndex;
  return { ok: true, spec };
}

