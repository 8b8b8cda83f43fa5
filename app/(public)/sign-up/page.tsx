import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { Notice } from "@/components/ui/card";
import { regionFromAcceptLanguage } from "@/i18n/locales";
import { currentSession } from "@/lib/auth/current-user";
import { listCountries } from "@/lib/countries/list-countries";
import { countryName } from "@/lib/countries/country-name";
import { SignUpForm } from "./sign-up-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: t("signUp") };
}

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ expired?: string | string[] }> }) {
  if (await currentSession()) redirect("/account");
  const [t, locale, rows] = await Promise.all([getTranslations("signUp"), getLocale(), listCountries()]);
  const countries = rows
    .map((c) => ({ code: c.code, name: countryName(c.code, locale, c.name) }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
  const guessed = regionFromAcceptLanguage((await headers()).get("accept-language"));
  const defaultCountry = countries.some((c) => c.code === guessed) ? guessed! : "";
  return (
    <ClientMessages namespaces={["common", "passwordWeakness", "signUp", "validation"]}>
      <div className="mx-auto max-w-md">
        <h1 className="text-2xl font-bold text-slate-900">{t("title")}</h1>
        <p className="mt-2 text-sm text-slate-600">{t("lead")}</p>
        {(await searchParams).expired === "1" && (
          <div className="mt-4">
            <Notice tone="warning">{t("expired")}</Notice>
          </div>
        )}
        <div className="mt-6 rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
          <SignUpForm countries={countries} defaultCountry={defaultCountry} />
        </div>
      </div>
    </ClientMessages>
  );
}
