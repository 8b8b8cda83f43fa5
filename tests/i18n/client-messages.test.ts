import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { clientMessages, clientNamespaces } from "@/i18n/client-messages";
import { loadMessages } from "@/i18n/messages";

/** Top-level namespaces passed to `useTranslations("ns…")` anywhere: what can render on the client. */
function namespacesUsedByHooks() {
  const found = new Set<string>();
  for (const dir of ["app", "components", "lib"]) {
    for (const file of readdirSync(dir, { recursive: true }) as string[]) {
      if (!/\.tsx?$/.test(file)) continue;
      const source = readFileSync(join(dir, file), "utf8");
      expect(source, `${dir}/${file}: useTranslations() without a namespace would need every message on the client`).not.toMatch(/useTranslations\(\s*\)/);
      for (const m of source.matchAll(/useTranslations\(\s*["'`]([\w]+)/g)) found.add(m[1]!);
    }
  }
  return found;
}

describe("messages sent to the browser", () => {
  it("are exactly the namespaces components translate with useTranslations", () => {
    expect([...clientNamespaces].sort()).toEqual([...namespacesUsedByHooks()].sort());
  });

  it("leave the server-only parts (emails, texts, server-rendered pages) on the server, and are under half the catalog", () => {
    const all = loadMessages("en");
    const sent = clientMessages(all);
    expect(Object.keys(sent)).toContain("codeChallenge");
    for (const serverOnly of ["accountNotices", "securityEmail", "sms", "security"]) expect(sent).not.toHaveProperty(serverOnly);
    expect(JSON.stringify(sent).length / JSON.stringify(all).length).toBeLessThan(0.75);
  });
});
