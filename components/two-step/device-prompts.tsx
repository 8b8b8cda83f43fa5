"use client";

import { useEffect, useRef, useState } from "react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { Button, buttonClass } from "@/components/ui/button";
import { nameDevice } from "@/lib/auth/name-device";
import type { DevicePrompt } from "@/lib/two-step/push/list-device-prompts";
import { useDevicePrompts, useDismissedPrompts, usePrimaryInstance } from "./device-prompts-state";

/**
 * Codes pushed to this trusted browser ("pushed as alerts to your devices"): a modal alert with the asking browser,
 * its approximate place, the time and the code to type there, plus "Don't allow". Mount once for signed-in users;
 * browsers that are not trusted get 404s from the endpoint and poll only every 15 s.
 */
export function DevicePrompts({ pollMs = 1000, idlePollMs = 15_000 }: { pollMs?: number; idlePollMs?: number }) {
  const primary = usePrimaryInstance();
  const { prompts, refresh } = useDevicePrompts({ enabled: primary, pollMs, idlePollMs });
  const { dismissed, dismiss } = useDismissedPrompts();
  const waiting = prompts.filter((p) => !dismissed.has(p.id));
  const current = waiting[0];
  const [announcement, setAnnouncement] = useState("");

  useEffect(() => {
    if (!announcement) return;
    const timer = setTimeout(() => setAnnouncement(""), 8000);
    return () => clearTimeout(timer);
  }, [announcement]);

  if (!primary) return null;
  return (
    <>
      <PromptDialog
        prompt={current}
        more={waiting.length - 1}
        onDone={(id) => dismiss(id)}
        onDenied={(id, message) => {
          dismiss(id);
          setAnnouncement(message);
          refresh();
        }}
      />
      {/* Not role=status: this region sits on every page and must not collide with a page's own status notices. */}
      <div aria-live="polite" aria-atomic="true" className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex justify-center px-4">
        {announcement && (
          <p className="pointer-events-auto rounded-lg bg-slate-900 px-4 py-3 text-sm font-medium text-white shadow-lg">
            {announcement}
          </p>
        )}
      </div>
    </>
  );
}

function PromptDialog({
  prompt,
  more,
  onDone,
  onDenied,
}: {
  prompt: DevicePrompt | undefined;
  more: number;
  onDone: (id: string) => void;
  onDenied: (id: string, message: string) => void;
}) {
  const t = useTranslations("devicePrompt");
  const dialog = useRef<HTMLDialogElement>(null);
  const doneButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const [denying, setDenying] = useState(false);
  const [failedId, setFailedId] = useState<string | null>(null);
  const id = prompt?.id;
  const error = !!id && failedId === id;

  // Open as a modal (focus moves in, the page behind is inert, Esc works); give focus back when the last one goes.
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (id) {
      if (!element.open) {
        returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
        element.showModal();
      }
      doneButton.current?.focus();
    } else if (element.open) {
      element.close();
      returnFocus.current?.focus();
      returnFocus.current = null;
    }
  }, [id]);

  async function deny(challengeId: string) {
    setDenying(true);
    setFailedId(null);
    const response = await fetch(`/api/device-prompts/${challengeId}/deny`, { method: "POST" }).catch(() => null);
    setDenying(false);
    if (response?.ok) onDenied(challengeId, t("denied"));
    else if (response?.status === 404) onDenied(challengeId, t("alreadyEnded"));
    else setFailedId(challengeId);
  }

  return (
    <dialog
      ref={dialog}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="device-prompt-title"
      aria-describedby="device-prompt-lead device-prompt-details"
      onCancel={(event) => {
        event.preventDefault();
        if (id) onDone(id);
      }}
      className="m-auto w-[min(28rem,calc(100%-2rem))] rounded-2xl bg-white p-0 text-slate-900 shadow-2xl ring-1 ring-slate-200 backdrop:bg-slate-900/50 backdrop:backdrop-blur-sm"
    >
      {prompt && (
        <div className="p-6">
          <div className="flex items-start gap-3">
            <span aria-hidden className="mt-0.5 grid size-9 shrink-0 place-items-center rounded-full bg-brand-100 text-brand-700">
              <svg viewBox="0 0 20 20" fill="currentColor" className="size-5">
                <path fillRule="evenodd" d="M10 1a4.5 4.5 0 0 0-4.5 4.5V9H5a2 2 0 0 0-2 2v6a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-6a2 2 0 0 0-2-2h-.5V5.5A4.5 4.5 0 0 0 10 1Zm3 8V5.5a3 3 0 1 0-6 0V9h6Z" clipRule="evenodd" />
              </svg>
            </span>
            <div>
              <h2 id="device-prompt-title" className="text-lg font-semibold">
                {t(`title.${purposeKey(prompt.purpose)}`)}
              </h2>
              <p id="device-prompt-lead" className="mt-1 text-sm text-slate-600">
                {t(`lead.${purposeKey(prompt.purpose)}`)}
              </p>
            </div>
          </div>
          <PromptDetails prompt={prompt} />
          <p className="mt-3 text-xs text-slate-600">{t("warning")}</p>
          {error && (
            <p role="alert" className="mt-3 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">
              {t("denyFailed")}
            </p>
          )}
          {more > 0 && <p className="mt-3 text-sm text-slate-600">{t("more", { count: more })}</p>}
          <div className="mt-5 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button type="button" variant="danger" disabled={denying} aria-busy={denying} onClick={() => deny(prompt.id)}>
              {denying ? t("denying") : t("deny")}
            </Button>
            <button ref={doneButton} type="button" className={buttonClass("primary")} onClick={() => onDone(prompt.id)}>
              {t("done")}
            </button>
          </div>
        </div>
      )}
    </dialog>
  );
}

function PromptDetails({ prompt }: { prompt: DevicePrompt }) {
  const t = useTranslations("devicePrompt");
  const td = useTranslations("devices");
  const format = useFormatter();
  const locale = useLocale();
  const place = prompt.country
    ? regionName(prompt.country, locale)
    : prompt.ip
      ? t("unknownLocationWithIp", { ip: prompt.ip })
      : t("unknownLocation");
  const rows: [string, React.ReactNode][] = [
    [t("browser"), nameDevice(prompt.browser, (both) => td("browserOnSystem", both)) ?? t("unknownBrowser")],
    [t("place"), place],
    [t("time"), <time key="time" dateTime={prompt.createdAt}>{format.dateTime(new Date(prompt.createdAt), { dateStyle: "medium", timeStyle: "short" })}</time>],
  ];
  return (
    <dl id="device-prompt-details" className="mt-5 space-y-4">
      <div className="rounded-xl bg-slate-50 px-4 py-3 text-center ring-1 ring-slate-200">
        <dt className="text-xs font-medium uppercase tracking-wide text-slate-600">{t("code")}</dt>
        <dd className="mt-1 font-mono text-3xl font-semibold tracking-[0.25em] text-slate-900 tabular-nums">
          {prompt.code.slice(0, 3)} {prompt.code.slice(3)}
        </dd>
      </div>
      <div className="grid gap-2 text-sm">
        {rows.map(([term, value]) => (
          <div key={term} className="flex flex-wrap justify-between gap-x-4">
            <dt className="text-slate-600">{term}</dt>
            <dd className="font-medium text-slate-900">{value}</dd>
          </div>
        ))}
      </div>
    </dl>
  );
}

const purposeKey = (purpose: DevicePrompt["purpose"]) =>
  purpose === "sign_in" ? "signIn" : purpose === "step_up" ? "stepUp" : purpose === "recovery" ? "recovery" : "other";

function regionName(code: string, locale: string) {
  try {
    return new Intl.DisplayNames([locale], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}
