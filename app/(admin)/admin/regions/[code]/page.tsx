import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { Card, Notice } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { listRegions } from "@/lib/rollout/list-regions";
import { describeRegionStatus } from "@/lib/rollout/describe-region-status";
import { formatCount, formatUtc } from "../../_lib/format";
import { StepUpNotice } from "../../_components/step-up-notice";
import { confirmHref, freshStepUpUntil, staffContext } from "../../_lib/staff-context";
import { CountryPauseForm } from "./country-pause-form";
import { CountrySmsForm } from "./country-sms-form";

/** One read per request for the title and the page. */
const loadRegion = cache(async (rawCode: string) => {
  const code = rawCode.toUpperCase();
  return (await listRegions()).find((r) => r.code === code) ?? null;
});

// Staff check first, as on the page itself.
export async function generateMetadata({ params }: { params: Promise<{ code: string }> }): Promise<Metadata> {
  await staffContext("viewer");
  const region = await loadRegion((await params).code);
  return { title: region?.name ?? "Country" };
}

export default async function CountryPage({ params, searchParams }: { params: Promise<{ code: string }>; searchParams: Promise<{ done?: string }> }) {
  const { actor, sessionId } = await staffContext("viewer");
  const region = await loadRegion((await params).code);
  if (!region) notFound();
  const code = region.code;
  const { done } = await searchParams;
  const self = `/admin/regions/${code}`;
  const isOperator = hasRole(actor.role, "operator");
  const canPause = isOperator && region.waveId !== null;
  const confirmedUntil = isOperator ? await freshStepUpUntil(sessionId, "rollout") : null;
  // Asked for beside each change; once given, said once at the top.
  const stepUp = { until: confirmedUntil, needs: "This needs you to confirm it's you", href: confirmHref("rollout", self) };
  const confirmFirst = !confirmedUntil && (
    <div className="mb-4">
      <StepUpNotice {...stepUp} />
    </div>
  );
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <Link href="/admin/regions" className="text-sm text-brand-700 hover:underline">
          ← Regions
        </Link>
        <h1 className="mt-2 text-2xl font-bold text-slate-900">{region.name}</h1>
        <p className="mt-1 text-sm text-slate-700" data-testid="region-status">
          {describeRegionStatus(region)}
        </p>
      </div>
      {done === "pause" && <Notice tone="success">Paused. New enrollments stopped; enrolled accounts keep 2SV.</Notice>}
      {done === "resume" && <Notice tone="success">Resumed. The country is back on its wave&apos;s plan.</Notice>}
      {done === "sms-on" && <Notice tone="success">SMS turned on. Codes go to phones here again.</Notice>}
      {done === "sms-off" && <Notice tone="success">SMS turned off. Codes here go to trusted devices only.</Notice>}
      {region.status === "paused" && <Notice tone="warning">Paused: {region.pauseReason}</Notice>}
      {confirmedUntil && <StepUpNotice {...stepUp} />}
      <Card title="Rollout">
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]">
          <dt className="font-medium text-slate-600">Wave</dt>
          <dd>{region.waveId ? <Link href={`/admin/waves/${region.waveId}`} className="text-brand-700 hover:underline">{region.wave}</Link> : "None"}</dd>
          <dt className="font-medium text-slate-600">Start</dt>
          <dd>{formatUtc(region.launchedAt)}</dd>
          <dt className="font-medium text-slate-600">SMS carriers</dt>
          <dd>{region.smsSupported ? "Deliver our codes" : "Not supported — trusted devices only"}</dd>
          <dt className="font-medium text-slate-600">Accounts</dt>
          <dd className="tabular-nums">{formatCount(region.accounts)} · eligible {formatCount(region.eligible)} · enrolled {formatCount(region.enrolled)}</dd>
        </dl>
      </Card>
      {canPause && (
        <Card title={region.status === "paused" ? "Resume" : "Kill switch"} description="Pausing stops new enrollments here at once. Accounts that already use 2SV keep it and can always sign in, recover and turn it off.">
          {confirmFirst}
          {/* Keyed by what the form does: after a pause the resume form starts fresh (no outcome or text of the pause). */}
          <CountryPauseForm key={region.status} country={code} countryName={region.name} paused={region.status === "paused"} confirmHref={confirmHref("rollout", self)} />
        </Card>
      )}
      {isOperator && (
        <Card
          title="SMS carriers"
          description={
            region.smsSupported
              ? "Turning SMS off sends codes here to trusted devices only: people whose only second factor is a phone here cannot get a code until it is back on."
              : "Turn SMS on once local carriers deliver our codes reliably; phones here then count as second factors again."
          }
        >
          {confirmFirst}
          <CountrySmsForm key={String(region.smsSupported)} country={code} countryName={region.name} supported={region.smsSupported} confirmHref={confirmHref("rollout", self)} />
        </Card>
      )}
    </div>
  );
}
