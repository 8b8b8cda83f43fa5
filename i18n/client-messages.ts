/**
 * The namespaces that components translate with `useTranslations` — the only ones that may render in the browser.
 * Each page sends just the ones its own client components use (`<ClientMessages>`); emails, texts and
 * server-rendered pages stay on the server. tests/i18n/client-messages.test.ts keeps this list and every page's
 * selection in step with the code.
 */
export const clientNamespaces = [
  "accountForms", "appPasswords", "authenticator", "backupCodes", "codeChallenge", "common", "devicePrompt", "devices",
  "disableTwoStep", "enrollment", "forgotPassword", "newRecoveryKey", "passkeyForm", "passkeySignIn", "passkeys",
  "passwordChange", "passwordReset", "passwordWeakness", "phoneForm", "profileChange", "questions", "questionsForm",
  "recoveryKey", "recoveryKeyReplace", "securityManage", "signIn", "signUp", "stepUp", "trustedBrowsers", "trustedDevices",
  "validation",
] as const;

export type ClientNamespace = (typeof clientNamespaces)[number];

/** Pure: these namespaces of a locale's catalog, and nothing else. */
export function pickMessages(messages: Record<string, unknown>, namespaces: readonly ClientNamespace[]) {
  return Object.fromEntries(namespaces.filter((n) => n in messages).map((n) => [n, messages[n]]));
}
