import type { SendState } from "@/components/two-step/code-challenge";
import type { SecondFactorOption } from "@/lib/two-step/second-factor-options";

/** What <CodeChallenge> shows after a code was sent: where it went (masked phone), and whether SMS is delayed. */
export function codeSendState(
  issued: { challengeId: string; method: "sms" | "device"; delivery: string },
  choice: string,
  options: SecondFactorOption[],
): SendState {
  return {
    challengeId: issued.challengeId,
    kind: issued.method,
    destination: options.find((o) => o.value === choice)?.label,
    delayed: issued.delivery === "pending" || issued.delivery === "failed",
    choice,
  };
}
