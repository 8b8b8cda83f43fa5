/**
 * The namespaces that components translate with `useTranslations` — the only ones that may render in the browser.
 * Just these travel to the client with every page and every server action's reply; the rest (emails, texts,
 * server-rendered pages) stay on the server. tests/i18n/client-messages.test.ts keeps the list in step with the code.
 */
export const clientNamespaces = [
  "accountForms", "appPasswords", "authenticator", "backupCodes", "codeChallenge", "common", "devicePrompt", "devices",
  "disableTwoStep", "enrollment", "forgotPassword", "newRecoveryKey", "passkeyForm", "passkeySignIn", "passkeys",
  "passwordChange", "passwordReset", "passwordWeakness", "phoneForm", "profileChange", "questions", "questionsForm",
  "recoveryKey", "recoveryKeyReplace", "securityManage", "signIn", "signUp", "stepUp", "trustedBrowsers", "trustedDevices",
  "validation",
] as const;

/** Pure: the part of a locale's catalog the browser needs. */
export function clientMessages(messages: Record<string, unknown>) {
  return Object.fromEntries(clientNamespaces.filter((n) => n in messages).map((n) => [n, messages[n]]));
}
