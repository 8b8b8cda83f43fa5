import Link from "next/link";
import { Notice } from "@/components/ui/card";

/** What a staff action answered: an error (with "Confirm it's you" when the step-up lapsed) or a success line. */
export function ActionOutcome({ state, confirmHref }: { state: { ok: boolean; message?: string; error?: string; stepUp?: boolean } | null; confirmHref: string }) {
  if (state?.error) {
    return (
      <Notice tone="error">
        {state.error}{" "}
        {state.stepUp && (
          <Link href={confirmHref} className="font-semibold underline">
            Confirm it&apos;s you
          </Link>
        )}
      </Notice>
    );
  }
  return state?.ok && state.message ? <Notice tone="success">{state.message}</Notice> : null;
}
