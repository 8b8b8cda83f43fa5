"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Notice } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { maxPasskeyNameLength } from "@/lib/two-step/passkeys/passkey-name";
import type { AddPasskeyErrorKey, PasskeyRegistrationFinish, PasskeyRegistrationStart } from "@/lib/two-step/passkeys/registration-result";
import { passkeyErrorReason } from "./passkey-assertion";

const nameErrors: AddPasskeyErrorKey[] = ["nameRequired", "nameTooLong"];
const reasonKeys = { cancelled: "cancelled", unsupported: "unsupported", already_registered: "alreadyRegistered", failed: "failed" } as const;

/**
 * Names and registers a passkey or security key: the server's options, the browser's prompt, then the server checks
 * and stores the answer. Used on the passkeys page and in the enable wizard, each passing its own server actions
 * (both must re-check who may add a passkey). The name field starts with `suggestedName` — the page's description
 * of this browser from its User-Agent ("Chrome on Linux").
 */
export function AddPasskeyForm({
  start,
  finish,
  suggestedName,
  onAdded,
}: {
  start: (name: string) => Promise<PasskeyRegistrationStart>;
  finish: (input: { name: string; response: string }) => Promise<PasskeyRegistrationFinish>;
  suggestedName: string;
  onAdded?: (name: string) => void;
}) {
  const t = useTranslations("passkeyForm");
  // Controlled, so the name survives React's reset of a form after its action, and a refusal keeps what was typed.
  const [typed, setName] = useState<string | null>(null);
  const name = typed ?? suggestedName.slice(0, maxPasskeyNameLength);
  const [error, setError] = useState<AddPasskeyErrorKey | null>(null);
  const [added, setAdded] = useState<string | null>(null);

  async function add(data: FormData) {
    // The name as submitted: typed before the page's script ran (the submit is replayed), it never reached state.
    const submitted = String(data.get("passkey-name") ?? "");
    setName(submitted);
    setError(null);
    setAdded(null);
    // Loaded on use: only this form's submit needs the WebAuthn client.
    const { browserSupportsWebAuthn, startRegistration } = await import("@simplewebauthn/browser");
    if (!browserSupportsWebAuthn()) return setError("unsupported");
    const started = await start(submitted);
    if ("error" in started) return fail(started.error);
    let response: string;
    try {
      response = JSON.stringify(await startRegistration({ optionsJSON: started.options }));
    } catch (reason) {
      return fail(reasonKeys[passkeyErrorReason(reason)]);
    }
    const finished = await finish({ name: submitted, response });
    if ("error" in finished) return fail(finished.error);
    setAdded(finished.added);
    setName("");
    onAdded?.(finished.added);
  }

  function fail(key: AddPasskeyErrorKey) {
    setError(key);
    if (nameErrors.includes(key)) document.getElementById("passkey-name")?.focus();
  }

  const fieldError = error && nameErrors.includes(error) ? t(`errors.${error}`, { max: maxPasskeyNameLength }) : undefined;
  return (
    <form action={add} noValidate className="space-y-4">
      {added && <Notice tone="success">{t("added", { name: added })}</Notice>}
      {error && !fieldError && <Notice tone="error">{t(`errors.${error}`, { max: maxPasskeyNameLength })}</Notice>}
      <TextField
        id="passkey-name"
        label={t("name")}
        hint={t("nameHint")}
        value={name}
        onChange={(e) => setName(e.target.value)}
        maxLength={maxPasskeyNameLength}
        autoComplete="off"
        required
        error={fieldError}
      />
      <SubmitButton pendingLabel={t("waiting")}>{t("submit")}</SubmitButton>
    </form>
  );
}

