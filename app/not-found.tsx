import Link from "next/link";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = () => pageTitle("notFound");

export default function NotFound() {
  return (
    <main className="mx-auto max-w-3xl p-8">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="mt-2">
        <Link href="/" className="underline">
          Back to the dashboard
        </Link>
      </p>
    </main>
  );
}
