import Link from "next/link";
import { Notice } from "@/components/ui/card";
import { formatUtc } from "../_lib/format";

/**
 * Above a staff page's changes: what needs a fresh confirmation and the link to give it, or, once given, until when
 * it holds (so nobody wonders whether the trip to "Confirm it's you" worked).
 */
export function StepUpNotice({ until, needs, href }: { until: Date | null; needs: string; href: string }) {
  if (until) return <Notice tone="success">Confirmed: changes here need no further code until {formatUtc(until)}.</Notice>;
  return (
    <Notice tone="info">
      {needs} (good for 10 minutes).{" "}
      <Link href={href} className="font-semibold underline">
        Confirm it&apos;s you
      </Link>
    </Notice>
  );
}
