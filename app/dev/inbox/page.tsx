import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { devInboxEnabled } from "@/lib/messaging/config";
import { listDevInbox, normalizeRecipientFilter, type DevInboxMessage } from "@/lib/messaging/list-dev-inbox";
import { AutoRefresh } from "./auto-refresh";

// Reads the outbox on every request; never prerendered.
export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Dev inbox", robots: { index: false, follow: false } };

const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

const statusTone: Record<DevInboxMessage["status"], string> = {
  sent: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  pending: "bg-amber-50 text-amber-900 ring-amber-200",
  failed: "bg-red-50 text-red-800 ring-red-200",
  expired: "bg-slate-100 text-slate-700 ring-slate-300",
};

function MessageCard({ message }: { message: DevInboxMessage }) {
  const kind = message.channel === "sms" ? "SMS" : "Email";
  return (
    <article aria-label={`${kind} to ${message.recipient}`} className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <header className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <p className="font-medium text-slate-900">
          <span className="mr-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-semibold uppercase tracking-wide text-slate-600">{kind}</span>
          to <span className="font-mono">{message.recipient}</span>
        </p>
        <p className="flex items-center gap-2 text-slate-500">
          <span className={`rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${statusTone[message.status]}`}>{message.status}</span>
          <time dateTime={message.createdAt.toISOString()}>{timeFormat.format(message.createdAt)} UTC</time>
        </p>
      </header>
      {message.subject && <h2 className="mt-3 font-semibold text-slate-900">{message.subject}</h2>}
      {message.body === null ? (
        <p className="mt-3 text-sm italic text-slate-500">This message cannot be opened: AUTH_SECRET changed since it was sent.</p>
      ) : (
        <p className="mt-3 whitespace-pre-wrap break-words text-slate-800">{message.body}</p>
      )}
    </article>
  );
}

/** Development only: the "phone" and "mailbox" of the dev transport. 404 whenever no dev transport is on. */
export default async function DevInboxPage({ searchParams }: { searchParams: Promise<{ to?: string | string[] }> }) {
  if (!devInboxEnabled()) notFound();
  const { to: rawTo } = await searchParams;
  const to = normalizeRecipientFilter(typeof rawTo === "string" ? rawTo : undefined);
  const messages = await listDevInbox({ to });

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold text-slate-900">Dev inbox</h1>
          <p className="mt-1 text-sm text-slate-600">
            Text messages and emails sent through the dev transport, newest first. Nothing here reached a real phone.
          </p>
        </div>
        <AutoRefresh />
      </div>

      <Card>
        <form method="get" className="flex flex-wrap items-end gap-3">
          <div className="min-w-60 flex-1">
            <TextField id="to" label="Recipient" defaultValue={to ?? ""} placeholder="+15551234567 or name@example.com" />
          </div>
          <button type="submit" className={buttonClass("primary")}>Filter</button>
          {to && (
            <Link href="/dev/inbox" className={buttonClass("ghost")}>
              Show all
            </Link>
          )}
        </form>
      </Card>

      {messages.length === 0 ? (
        <div className="rounded-2xl border border-dashed border-slate-300 px-6 py-12 text-center">
          <p className="font-medium text-slate-900">{to ? `No messages to ${to} yet` : "No messages yet"}</p>
          <p className="mt-1 text-sm text-slate-600">Codes and notifications appear here as soon as the app sends them.</p>
        </div>
      ) : (
        <ol className="space-y-3" aria-label={`${messages.length} message${messages.length === 1 ? "" : "s"}`}>
          {messages.map((message) => (
            <li key={message.id}>
              <MessageCard message={message} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
