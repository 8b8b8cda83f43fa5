import { headers } from "next/headers";

/** Whether this request is for a staff page (English only, no language switcher), from the path the proxy saw. */
export async function isStaffPage() {
  return /^\/admin(\/|\?|$)/.test((await headers()).get("x-stepwise-path") ?? "");
}
