import type { User } from "@/db/schema";
import { getAccountAvailability } from "@/lib/rollout/get-country-availability";
import { eligibility } from "./eligibility";
import { getWaitingPeriod } from "./get-waiting-period";

/** Availability of the account's country and the waiting period, read only when 2SV is off. */
export async function getEligibility({ user, now = new Date() }: { user: Pick<User, "id" | "countryCode" | "twoStepEnabledAt">; now?: Date }) {
  if (user.twoStepEnabledAt) return eligibility({ enabled: true, availability: null, waiting: null });
  const availability = await getAccountAvailability({ countryCode: user.countryCode, userId: user.id }, now);
  const waiting = availability.status === "available" ? await getWaitingPeriod({ userId: user.id, now }) : null;
  return eligibility({ enabled: false, availability, waiting });
}
