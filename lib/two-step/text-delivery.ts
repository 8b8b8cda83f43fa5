import type { MessageStatus } from "@/lib/messaging/deliver-message";

/** What the person is told about the text carrying their code when it did not go out at once. */
export type TextProblem = "delayed" | "failed";

/**
 * Pure: "delayed" while the outbox is still retrying (it may arrive), "failed" when it never will (the provider
 * refused the number for good, or the code expired first), nothing once it was sent or for a code pushed to devices.
 */
export function textProblemOf(delivery: MessageStatus | "pushed"): TextProblem | undefined {
  if (delivery === "pending") return "delayed";
  if (delivery === "failed" || delivery === "expired") return "failed";
  return undefined;
}
