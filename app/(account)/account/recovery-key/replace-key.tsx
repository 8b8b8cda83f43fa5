"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { SubmitButton } from "@/components/ui/submit-button";
import { NewKeyPanel } from "@/app/(public)/forgot-password/new-key-panel";
import { confirmKeyAction, createKeyAction, type CreateKeyState } from "./actions";

export function ReplaceKey({ email }: { email: string }) {
  const t = useTranslations("recoveryKeyReplace");
  const [created, create] = useActionState<CreateKeyState, FormData>(createKeyAction, {});
  if (!created.key || !created.sealed) {
    return (
      <form action={create}>
        <SubmitButton pendingLabel={t("creating")}>{t("create")}</SubmitButton>
      </form>
    );
  }
  return (
    <NewKeyPanel
      key={created.sealed}
      keyText={created.key}
      email={email}
      confirm={confirmKeyAction}
      hidden={{ sealed: created.sealed }}
      done={
        <>
          <Notice tone="success">{t("replaced")}</Notice>
          <Link href="/account" className={buttonClass("secondary")}>{t("back")}</Link>
        </>
      }
    />
  );
}
