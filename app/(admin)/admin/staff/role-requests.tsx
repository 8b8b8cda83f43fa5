"use client";

import { useActionState, useEffect, useRef } from "react";
import { Card, Notice } from "@/components/ui/card";
import type { listRoleRequests } from "@/lib/staff/list-role-requests";
import { formatUtc } from "../_lib/format";
import { reviewRoleRequestAction, type RoleRequestState } from "./actions";
import { RoleRequestForm } from "./role-request-form";
import { roleText } from "./role-text";

type RoleRequest = Awaited<ReturnType<typeof listRoleRequests>>[number];

/** Why this admin cannot approve a request they see: the same rules review-staff-role.ts enforces. */
function whyNotYours(request: RoleRequest) {
  if (request.mine) return "You asked for this, so another admin approves it.";
  if (request.expired) return "More than 7 days old: reject it, and ask again if the role is still needed.";
  return "One of you gave the other their staff role, or one admin gave you both yours (directly or through others), so another admin approves it.";
}

/**
 * Higher roles waiting for a second admin (four-eyes): who, from what to what, who asked and why. A decided request
 * leaves the list with its form, so the list holds the action's state and says what was decided.
 */
export function RoleRequests({ requests, isAdmin, confirmHref }: { requests: RoleRequest[]; isAdmin: boolean; confirmHref: string }) {
  const [state, action] = useActionState<RoleRequestState | null, FormData>(reviewRoleRequestAction, null);
  // The button that was pressed leaves with its request: keyboard focus goes to what was decided instead.
  const decided = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state?.ok) decided.current?.focus();
  }, [state]);
  return (
    <Card title="Waiting for a second admin" description="A higher staff role takes two admins: one asks, another approves. Lowering or removing a role is immediate.">
      {state?.ok && state.message && (
        <div className="mb-4 focus:outline-none" ref={decided} tabIndex={-1}>
          <Notice tone="success">{state.message}</Notice>
        </div>
      )}
      {state && !state.ok && state.requestId === undefined && (
        <div className="mb-4">
          <Notice tone="error">{state.error}</Notice>
        </div>
      )}
      {requests.length === 0 ? (
        <p className="text-sm text-slate-600">Nothing is waiting. When an admin asks for a higher role for someone, it shows here until another admin decides.</p>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label="Role requests">
          {requests.map((request) => (
            <li key={request.id} className="grid gap-4 py-4 first:pt-0 last:pb-0 lg:grid-cols-[1fr_18rem]" aria-label={`${request.email}: ${roleText[request.role]}`}>
              <div className="space-y-1 text-sm">
                <p className="font-medium text-slate-900">
                  {request.name} <span className="font-normal text-slate-600">({request.email})</span>
                </p>
                <p className="text-slate-700">
                  {roleText[request.fromRole]} → <span className="font-semibold">{roleText[request.role]}</span>
                </p>
                <p className="text-slate-700">
                  Asked by {request.requester} on {formatUtc(request.requestedAt)}
                  {request.expired && <span className="ml-1 font-medium text-amber-800">(expired)</span>}
                </p>
                <p className="text-slate-700">
                  Reason: <q className="break-words">{request.reason}</q>
                </p>
              </div>
              {isAdmin && (
                <div className="space-y-3">
                  {request.canApprove ? (
                    <RoleRequestForm
                      requestId={request.id}
                      decision="approve"
                      action={action}
                      state={state}
                      label={`Approve ${roleText[request.role]}`}
                      forWhom={request.email}
                      pendingLabel="Approving…"
                      confirmHref={confirmHref}
                    />
                  ) : (
                    <p className="text-sm text-slate-600">{whyNotYours(request)}</p>
                  )}
                  <RoleRequestForm
                    requestId={request.id}
                    decision="reject"
                    action={action}
                    state={state}
                    label={request.mine ? "Withdraw" : "Reject"}
                    forWhom={request.email}
                    pendingLabel={request.mine ? "Withdrawing…" : "Rejecting…"}
                    reasonLabel={request.mine ? "Why withdraw it" : "Why reject it"}
                    variant="secondary"
                    confirmHref={confirmHref}
                  />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
