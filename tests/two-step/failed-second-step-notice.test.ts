import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { users } from "@/db/schema";
import { notifyFailedSecondStep } from "@/lib/two-step/notify-failed-second-step";
import { setupTestDatabase } from "../helpers/test-db";
import { makeUser, messagesTo } from "../step-up/fixtures";

setupTestDatabase({ seed: "countries" });

const chrome = "Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0 Safari/537.36";
const now = new Date("2025-01-31T14:05:00Z");

async function frenchUser() {
  const { user } = await makeUser();
  await db.update(users).set({ locale: "fr" }).where(eq(users.id, user.id));
  return user;
}

/** The body of the newest email to this account after a wrong code from the given place. */
async function noticeFrom(place: { requestCountry: string | null; requestIp: string | null }) {
  const user = await frenchUser();
  await notifyFailedSecondStep({ userId: user.id, sessionId: randomUUID(), requestUserAgent: chrome, ...place }, now);
  const [message] = await messagesTo(user.email);
  return message!.text;
}

describe("the failed second step email, in the account's language", () => {
  it("names the country in French beside the IP address, with the time in UTC", async () => {
    const text = await noticeFrom({ requestCountry: "DE", requestIp: "203.0.113.5" });
    expect(text).toContain("(Allemagne, adresse IP 203.0.113.5)");
    expect(text).toContain("Le 31 janvier 2025 à 14:05 UTC,");
    expect(text).not.toMatch(/\bDE\b/);
  });

  it("says what it knows when the country or the IP address is missing, and never shows a raw code", async () => {
    expect(await noticeFrom({ requestCountry: "JP", requestIp: null })).toContain("(Japon)");
    expect(await noticeFrom({ requestCountry: null, requestIp: "2001:db8::1" })).toContain("(lieu inconnu, adresse IP 2001:db8::1)");
    expect(await noticeFrom({ requestCountry: "XX", requestIp: null })).toContain("(lieu inconnu)");
    expect(await noticeFrom({ requestCountry: null, requestIp: null })).toContain("(lieu inconnu)");
  });
});
