// The "before" world of the seed: three security questions per account without 2SV (message keys under "questions").
export const questionKeys = [
  "firstPet",
  "childhoodStreet",
  "firstTeacher",
  "firstConcert",
  "parentsMet",
  "firstCar",
  "childhoodFriend",
  "firstJobCity",
] as const;
export type QuestionKey = (typeof questionKeys)[number];
export const isQuestionKey = (v: unknown): v is QuestionKey => questionKeys.includes(v as QuestionKey);

/** Answers compare case-, accent- and spacing-insensitively: "  Rue de la Paix " = "rue de la paix". */
export function normaliseAnswer(answer: string): string {
  return answer.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}
