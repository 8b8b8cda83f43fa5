import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { loadMessages } from "@/i18n/messages";
import { nameTrustedDevice } from "@/i18n/device-names";
import { browserOf, noticeTranslator } from "@/lib/account-changes/compose-notice";
import { describeDevice } from "@/lib/auth/describe-device";
import { nameDevice } from "@/lib/auth/name-device";
import { suggestPasskeyName } from "@/lib/two-step/passkeys/suggest-passkey-name";

// Issue 8: a browser is named in the reader's language ("Firefox 128 sous Linux"), on pages, prompts and emails.

const firefoxOnLinux = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
const iPhone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

const namer = (locale: "en" | "fr" | "de" | "ja") => {
  const t = createTranslator({ locale, messages: loadMessages(locale), namespace: "devices" as never }) as unknown as (key: string, values: Record<string, string>) => string;
  return (userAgent: string | null) => nameDevice(describeDevice(userAgent), (both) => t("browserOnSystem", both));
};

describe("naming a browser", () => {
  it("splits a User-Agent into browser and system, and says nothing for an unrecognisable one", () => {
    expect(describeDevice(firefoxOnLinux)).toEqual({ browser: "Firefox 128", system: "Linux" });
    expect(describeDevice("curl/8.5.0")).toBeNull();
    expect(describeDevice(null)).toBeNull();
  });

  it("words both parts the reader's way", () => {
    expect(namer("en")(firefoxOnLinux)).toBe("Firefox 128 on Linux");
    expect(namer("fr")(firefoxOnLinux)).toBe("Firefox 128 sous Linux");
    expect(namer("de")(iPhone)).toBe("Mobile Safari 17 unter iOS 17.5");
    expect(namer("ja")(firefoxOnLinux)).toBe("Firefox 128（Linux）");
  });

  it("uses one part alone when only one is known", () => {
    expect(nameDevice({ browser: null, system: "Linux" }, () => "joined")).toBe("Linux");
    expect(nameDevice({ browser: "Firefox 128", system: null }, () => "joined")).toBe("Firefox 128");
  });

  it("names a trusted browser from its User-Agent, else by the label it was stored with, else as unknown", () => {
    const fr = namer("fr");
    expect(nameTrustedDevice({ userAgent: firefoxOnLinux, label: "" }, fr, "Navigateur inconnu")).toBe("Firefox 128 sous Linux");
    expect(nameTrustedDevice({ userAgent: null, label: "iPhone 5s" }, fr, "Navigateur inconnu")).toBe("iPhone 5s");
    expect(nameTrustedDevice({ userAgent: null, label: "" }, fr, "Navigateur inconnu")).toBe("Navigateur inconnu");
  });

  it("names the browser in an email in the account's language", () => {
    expect(browserOf(firefoxOnLinux, noticeTranslator("fr"))).toBe("Firefox 128 sous Linux");
    expect(browserOf(null, noticeTranslator("de"))).toBe(noticeTranslator("de")("unknownBrowser"));
  });

  it("suggests a passkey name without version numbers (still right after the next update)", () => {
    expect(suggestPasskeyName(firefoxOnLinux)).toEqual({ browser: "Firefox", system: "Linux" });
    expect(suggestPasskeyName(iPhone)).toEqual({ browser: "Safari", system: "iOS" });
    expect(suggestPasskeyName("")).toBeNull();
  });
});
