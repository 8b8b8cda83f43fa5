import { fileURLToPath } from "node:url";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { isUsed, keyPaths, loadCatalogs, scanMessageUsage } from "./message-usage";

// Issue 8: a key missing in any language, or unused in code, fails npm test; so do broken ICU and lost placeholders.

const root = fileURLToPath(new URL("../../", import.meta.url));
const catalogs = loadCatalogs(root);
const english = catalogs.get("en")!;
const englishKeys = keyPaths(english.messages);
const others = [...catalogs.keys()].filter((locale) => locale !== "en");

const lookup = (messages: Record<string, unknown>, key: string) => key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages) as string;

/** The argument and tag names a message uses: a translation must keep exactly these. */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()) {
  for (const element of elements) {
    if ("value" in element && typeof element.value === "string" && element.type !== TYPE.literal) into.add(element.value);
    if (element.type === TYPE.tag) argumentsOf(element.children, into);
    if (element.type === TYPE.plural || element.type === TYPE.select) for (const option of Object.values(element.options)) argumentsOf(option.value, into);
  }
  return into;
}

describe("English, the source catalog", () => {
  const usage = scanMessageUsage(root);

  it("has no key the code never asks for", () => {
    expect(englishKeys.filter((key) => !isUsed(key, usage))).toEqual([]);
  });

  it("has every key the code asks for by name", () => {
    const missing = [...usage.keys].filter((key) => !englishKeys.includes(key) && !englishKeys.some((k) => k.startsWith(`${key}.`)));
    expect(missing).toEqual([]);
  });
});

describe.each(others)("%s", (locale) => {
  const catalog = catalogs.get(locale)!;

  it("has the same files and every English key, and nothing else", () => {
    expect(catalog.files).toEqual(english.files);
    const keys = keyPaths(catalog.messages);
    expect(englishKeys.filter((key) => !keys.includes(key)), "missing").toEqual([]);
    expect(keys.filter((key) => !englishKeys.includes(key)), "not in English").toEqual([]);
  });

  it("parses as ICU and keeps every placeholder and tag of the English message", () => {
    const wrong: string[] = [];
    for (const key of englishKeys) {
      const message = lookup(catalog.messages, key);
      if (typeof message !== "string") continue;
      try {
        const want = [...argumentsOf(parse(lookup(english.messages, key)))].sort();
        const got = [...argumentsOf(parse(message))].sort();
        if (want.join() !== got.join()) wrong.push(`${key}: ${got.join(", ")} instead of ${want.join(", ")}`);
      } catch (error) {
        wrong.push(`${key}: ${(error as Error).message}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
