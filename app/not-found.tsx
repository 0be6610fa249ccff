import Link from "next/link";
import { serverTranslator } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = () => pageTitle("notFound");

export default async function NotFound() {
  const t = await serverTranslator();
  return (
    <main className="mx-auto max-w-3xl p-8">
      <h1 className="text-2xl font-semibold">{t("common.notFound.title")}</h1>
      <p className="mt-2">
        <Link href="/" className="underline">
          {t("common.notFound.back")}
        </Link>
      </p>
    </main>
  );
}
