import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";

// NIST SP 800-63B rev 4 §3.1.1.2: length 8..64+, no composition rules, but refuse commonly used or guessable values.
export const passwordMinLength = 8;
export const passwordMaxLength = 128;

export type PasswordWeakness =
  | "common"
  | "topTen"
  | "topHundred"
  | "similarToCommon"
  | "userInputs"
  | "straightRow"
  | "keyPattern"
  | "simpleRepeat"
  | "extendedRepeat"
  | "sequences"
  | "recentYears"
  | "dates"
  | "wordByItself"
  | "namesByThemselves"
  | "commonNames"
  | "guessable";

let factory: ZxcvbnFactory | undefined;
const checker = () =>
  (factory ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs }));

/** Pure: returns why a password is too easy to guess (a message key), or null when it is acceptable. */
export function findPasswordWeakness(password: string, userInputs: string[] = []): PasswordWeakness | null {
  const inputs = userInputs.flatMap((v) => [v, ...v.split(/[@.\s_-]+/)]).filter((v) => v.length >= 3);
  const result = checker().check(password.slice(0, 100), inputs);
  if (result.score >= 2) return null;
  return (result.feedback.warning as PasswordWeakness | null) || "guessable";
}
