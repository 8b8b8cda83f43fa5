import type { SendState } from "@/components/two-step/code-challenge";
import type { MessageStatus } from "@/lib/messaging/deliver-message";
import { textProblemOf } from "@/lib/two-step/text-delivery";
import type { SecondFactorOption } from "@/lib/two-step/second-factor-options";

/** What <CodeChallenge> shows after a code was sent: where it went (masked phone), and whether the text is delayed or failed. */
export function codeSendState(
  issued: { challengeId: string; method: "sms" | "device"; delivery: MessageStatus | "pushed" },
  choice: string,
  options: SecondFactorOption[],
): SendState {
  return {
    challengeId: issued.challengeId,
    kind: issued.method,
    destination: options.find((o) => o.value === choice)?.label,
    textProblem: textProblemOf(issued.delivery),
    choice,
  };
}
