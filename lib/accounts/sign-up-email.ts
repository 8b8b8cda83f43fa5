import { appLink, noticeTranslator } from "@/lib/account-changes/compose-notice";

/**
 * The email a sign-up sends. A new address gets its code; an address that already has an account gets no code, only
 * a word to its owner (in the account's language) that someone tried, and where to sign in or reset the password.
 */
export function composeSignUpEmail(to: { code: string; name: string; locale: string | null } | { owner: { name: string; locale: string | null } }) {
  if ("owner" in to) {
    const t = noticeTranslator(to.owner.locale);
    return {
      subject: t("signUpTakenSubject"),
      body: t("signUpTakenBody", { name: to.owner.name, signIn: appLink("/sign-in"), reset: appLink("/forgot-password") }),
    };
  }
  const t = noticeTranslator(to.locale);
  return { subject: t("signUpCodeSubject"), body: t("signUpCodeBody", { name: to.name, code: to.code }) };
}
