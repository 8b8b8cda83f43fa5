import { describe, expect, it } from "vitest";
import { locales } from "@/i18n/locales";
import { composeCodeSms } from "@/lib/two-step/compose-code-sms";

// Issue 8: the code text fits one SMS segment in every language — 160 GSM-7 characters (extension characters count
// twice), or 70 UCS-2 units when any character is outside GSM-7 (Japanese, Russian, accents like ó or ã).

const gsm7 =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const gsm7Extension = "^{}\\[~]|€\f";

/** Characters a single segment can hold for this text, and how many it uses. */
function segmentUse(text: string) {
  const chars = [...text];
  if (chars.every((c) => gsm7.includes(c) || gsm7Extension.includes(c))) {
    return { encoding: "GSM-7", used: chars.reduce((n, c) => n + (gsm7Extension.includes(c) ? 2 : 1), 0), capacity: 160 };
  }
  // UCS-2 counts UTF-16 code units: a character outside the BMP takes two.
  return { encoding: "UCS-2", used: text.length, capacity: 70 };
}

describe.each(locales)("the code SMS in %s", (locale) => {
  it("fits one segment with the code first", () => {
    const text = composeCodeSms({ code: "123456", locale });
    const { encoding, used, capacity } = segmentUse(text);
    expect(used, `${encoding}: ${text}`).toBeLessThanOrEqual(capacity);
    expect(text.indexOf("123456"), text).toBeLessThan(40);
  });
});

it("falls back to English for a language we do not ship", () => {
  expect(composeCodeSms({ code: "123456", locale: "sv" })).toBe(composeCodeSms({ code: "123456", locale: "en" }));
});
