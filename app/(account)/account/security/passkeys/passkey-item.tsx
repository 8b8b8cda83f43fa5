"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { RemovePasskeyConfirm } from "./remove-passkey-confirm";
import { RenamePasskeyForm } from "./rename-passkey-form";

/** One passkey's row: its details (rendered by the page) and Rename / Remove, each opening inline below. */
export function PasskeyItem({ id, name, children }: { id: string; name: string; children: ReactNode }) {
  const t = useTranslations("passkeys");
  const [mode, setMode] = useState<"view" | "rename" | "remove">("view");
  const [notice, setNotice] = useState<string | null>(null);
  const renameButton = useRef<HTMLButtonElement>(null);
  const removeButton = useRef<HTMLButtonElement>(null);
  const open = (next: "rename" | "remove") => {
    setNotice(null);
    setMode(next);
  };
  // Closing a panel puts focus back on the button that opened it, once that button is on screen again.
  const refocus = useRef<typeof renameButton | null>(null);
  const close = (button: typeof renameButton) => {
    refocus.current = button;
    setMode("view");
  };
  useEffect(() => {
    if (mode !== "view" || !refocus.current) return;
    refocus.current.current?.focus();
    refocus.current = null;
  }, [mode]);
  return (
    <div>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>{children}</div>
        {mode === "view" && (
          <div className="flex gap-2">
            <button ref={renameButton} type="button" className={buttonClass("secondary")} onClick={() => open("rename")}>
              <span aria-hidden>{t("rename")}</span>
              <span className="sr-only">{t("renameLabel", { name })}</span>
            </button>
            <button ref={removeButton} type="button" className={buttonClass("danger")} onClick={() => open("remove")}>
              <span aria-hidden>{t("remove")}</span>
              <span className="sr-only">{t("removeLabel", { name })}</span>
            </button>
          </div>
        )}
      </div>
      {notice && (
        <p role="status" className="mt-2 text-sm text-emerald-700">
          {notice}
        </p>
      )}
      {mode === "rename" && (
        <RenamePasskeyForm
          id={id}
          name={name}
          onCancel={() => close(renameButton)}
          onRenamed={(newName) => {
            setNotice(t("renamed", { name: newName }));
            close(renameButton);
          }}
        />
      )}
      {mode === "remove" && <RemovePasskeyConfirm id={id} name={name} onCancel={() => close(removeButton)} />}
    </div>
  );
}
