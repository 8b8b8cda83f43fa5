import { describe, expect, it } from "vitest";
import { parseSecurityQuestions } from "@/lib/two-step/enrollment/parse-security-questions";

const good = { question1: "firstPet", answer1: "Rex", question2: "firstCar", answer2: "Fiat Panda", question3: "parentsMet", answer3: "Lyon" };

describe("parseSecurityQuestions", () => {
  it("accepts three different questions with different answers, trimmed", () => {
    const parsed = parseSecurityQuestions({ ...good, answer2: "  Fiat Panda  " });
    expect(parsed).toEqual({
      ok: true,
      items: [
        { questionKey: "firstPet", answer: "Rex" },
        { questionKey: "firstCar", answer: "Fiat Panda" },
        { questionKey: "parentsMet", answer: "Lyon" },
      ],
    });
  });

  it("names every bad field: unknown or repeated question, empty, short, long or repeated answer", () => {
    const parsed = parseSecurityQuestions({ question1: "nope", answer1: "", question2: "firstCar", answer2: "ab", question3: "firstCar", answer3: "x".repeat(101) });
    expect(parsed).toEqual({
      ok: false,
      errors: { question1: "questionRequired", answer1: "answerRequired", answer2: "answerTooShort", question3: "questionRepeated", answer3: "answerTooLong" },
    });
    expect(parseSecurityQuestions({ ...good, answer3: " rex " })).toEqual({ ok: false, errors: { answer3: "answerRepeated" } });
  });
});
