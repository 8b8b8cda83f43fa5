import type { ChallengeFeedback } from "@/lib/two-step/challenge-messages";
import type { TextProblem } from "@/lib/two-step/text-delivery";

/** The add-a-phone form: enter a number → a code is texted → enter the code. Never carries the code back. */
export interface PhoneFormState {
  stage?: "number" | "code" | "verified";
  phoneId?: string;
  challengeId?: string;
  /** The number as the owner will recognise it: "+1 201 555 0123". */
  display?: string;
  textProblem?: TextProblem;
  values?: { number?: string; country?: string };
  /** Message keys in the "phoneForm" namespace, or a codeChallenge feedback for the code field. */
  errors?: { number?: string; country?: string; code?: string };
  errorValues?: Record<string, string>;
  feedback?: ChallengeFeedback;
  notice?: ChallengeFeedback;
}
