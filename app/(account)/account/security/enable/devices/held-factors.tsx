import { getLocale, getTranslations } from "next-intl/server";
import { Notice } from "@/components/ui/card";
import { AuthenticatorSetupFlow } from "@/components/two-step/authenticator-setup";
import { AddPasskeyForm } from "@/components/two-step/add-passkey-form";
import { passkeyNameForThisBrowser } from "@/lib/two-step/passkeys/suggest-passkey-name";
import { countryName } from "@/lib/countries/country-name";
import { getAuthenticator } from "@/lib/two-step/totp/get-authenticator";
import { listPasskeys } from "@/lib/two-step/passkeys/list-passkeys";
import { confirmWizardAuthenticatorAction, finishWizardPasskeyAction, startWizardAuthenticatorAction, startWizardPasskeyAction } from "../actions";

/**
 * The wizard's factors the owner holds: an authenticator app and passkeys. Offered to everyone, and first — as the
 * way to start — where text messages can't reach the account's country.
 */
export async function HeldFactors({ userId, countryCode, first = false }: { userId: string; countryCode: string; first?: boolean }) {
  const [t, locale, app, keys] = await Promise.all([getTranslations("enrollment"), getLocale(), getAuthenticator(userId), listPasskeys(userId)]);
  return (
    <section className="space-y-4" aria-labelledby="held-factors">
      <h2 id="held-factors" className="text-sm font-semibold text-slate-900">{t("held.title")}</h2>
      {first && <Notice tone="info">{t("held.noSms", { country: countryName(countryCode, locale) })}</Notice>}
      <div className="space-y-3 rounded-lg p-4 ring-1 ring-slate-200">
        <h3 className="text-sm font-medium text-slate-900">{t("held.appTitle")}</h3>
        {app ? (
          <Notice tone="success">{t("held.appDone")}</Notice>
        ) : (
          <>
            <p className="text-sm text-slate-600">{t("held.appHint")}</p>
            <AuthenticatorSetupFlow start={startWizardAuthenticatorAction} confirm={confirmWizardAuthenticatorAction} startLabel={t("held.appStart")} />
          </>
        )}
      </div>
      <div className="space-y-3 rounded-lg p-4 ring-1 ring-slate-200">
        <h3 className="text-sm font-medium text-slate-900">{t("held.passkeyTitle")}</h3>
        {keys.length > 0 && (
          <ul className="text-sm text-slate-700" aria-label={t("held.passkeyTitle")}>
            {keys.map((k) => (
              <li key={k.id}>✓ {k.name}</li>
            ))}
          </ul>
        )}
        <p className="text-sm text-slate-600">{t("held.passkeyHint")}</p>
        <AddPasskeyForm start={startWizardPasskeyAction} finish={finishWizardPasskeyAction} suggestedName={await passkeyNameForThisBrowser()} />
      </div>
    </section>
  );
}
