import { headers } from "next/headers";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import type { Role } from "@/db/schema";
import { recordRefusal } from "@/lib/audit/record-refusal";
import { hasRole, isStaff } from "./roles";
import { readSessionToken } from "./session-cookie";
import { findActiveSession, isPendingSecondStep } from "./sessions";

/** The signed-in user and session for this request, read once; null when signed out or the session was revoked. */
export const currentSession = cache(async () => sessionOf(await readSessionToken()));

/** The live session a decrypted session token names (the token alone proves nothing: the row may be revoked). */
export async function sessionOf(token: Awaited<ReturnType<typeof readSessionToken>>, options?: { touch?: boolean }) {
  const sid = token?.claims.sid;
  return typeof sid === "string" && sid ? findActiveSession(sid, new Date(), options) : null;
}

/** The session of a background poll: read like any request's, but not counted as activity (no idle limit reset). */
export async function pollingSession() {
  return sessionOf(await readSessionToken(), { touch: false });
}

/**
 * Where a request without a live session goes: the sign-in page, which says the session ended when the browser
 * still holds a session token (its session timed out or was signed out elsewhere) and comes back to `returnTo`.
 */
export async function signInPath(returnTo?: string) {
  const query = new URLSearchParams();
  if (returnTo) query.set("callbackUrl", returnTo);
  if (await readSessionToken()) query.set("ended", "1");
  return query.size ? `/sign-in?${query}` : "/sign-in";
}

/** A fully signed-in user (password, and the second step when 2SV is on); pending sessions go to /verify. */
export async function requireUser(returnTo?: string) {
  const current = await currentSession();
  if (!current) redirect(await signInPath(returnTo));
  if (isPendingSecondStep(current)) redirect(returnTo ? `/verify?callbackUrl=${encodeURIComponent(returnTo)}` : "/verify");
  return current;
}

/** The second-step page: only a session that passed the password and still owes the code. */
export async function requirePendingSecondStep() {
  const current = await currentSession();
  if (!current) redirect(await signInPath());
  if (!isPendingSecondStep(current)) redirect("/account");
  return current;
}

/** Staff pages, actions and routes call this themselves; proxy.ts is never the only guard. Staff need 2SV on. */
export async function requireStaff(minimum: Exclude<Role, "user">) {
  const path = await requestedStaffPath();
  const current = await requireUser(path);
  if (!hasRole(current.user.role, minimum)) {
    // Staff asking for more than their role allows are logged (a server action posts to its page's path); account
    // holders are simply not staff, and staff without 2SV cannot enter the console at all.
    if (isStaff(current.user.role) && current.user.twoStepEnabledAt) {
      const attempted = (await headers()).has("next-action") ? "staff.action" : "staff.page";
      // The page, not its query string: made-up parameters would make every request a new row.
      await recordRefusal(current.user, { action: attempted, targetType: "page", targetId: path.split("?")[0]! }, "FORBIDDEN");
    }
    forbidden();
  }
  // Staff change what millions of accounts are offered: the console itself needs something they own, too.
  if (!current.user.twoStepEnabledAt) redirect("/account/security?staff=required");
  return current;
}

export { hasRole, isStaff };

/** The staff page this request asked for (set by proxy.ts), to come back to after signing in; /admin otherwise. */
async function requestedStaffPath() {
  const path = (await headers()).get("x-stepwise-path") ?? "";
  return /^\/admin([/?][\w\-/?=&%.]*)?$/.test(path) ? path : "/admin";
}
