export const dynamic = "force-dynamic";

// /keys/a/b: the key browser itself is rendered by the keys layout (app/(dashboard)/keys/layout.tsx) from the
// URL, so that it survives navigations; the route exists so that every /keys/… URL is a page.
export default function KeysPage() {
  return null;
}
