"use client";

import type { ComponentProps } from "react";
import type { ChallengeFeedback } from "@/lib/two-step/challenge-messages";
import { CodeChallenge, type VerifyState } from "./code-challenge";

/**
 * The /verify page's challenge: the answer goes to POST /api/verify (app/api/verify/route.ts, which says what it
 * replies), and on success the browser loads the next page.
 */
export function SignInChallenge(props: Omit<ComponentProps<typeof CodeChallenge>, "verify">) {
  return <CodeChallenge {...props} verify={verifyThroughApi} />;
}

async function verifyThroughApi(_state: VerifyState, data: FormData): Promise<VerifyState> {
  const response = await fetch("/api/verify", { method: "POST", body: data }).catch(() => null);
  // What came back may not be ours (a proxy's error page, the 503 of a database outage): read it defensively.
  const body = (await response?.json().catch(() => null)) as { redirectTo?: unknown; error?: unknown } | null;
  if (typeof body?.redirectTo === "string") {
    // A full load, so the header and every layout render for the signed-in session. The button stays "Verifying…"
    // until the next page replaces this one.
    window.location.assign(body.redirectTo);
    return new Promise(() => {});
  }
  const error = body?.error;
  return { error: error && typeof error === "object" && "key" in error ? (error as ChallengeFeedback) : { key: "unreachable" } };
}
