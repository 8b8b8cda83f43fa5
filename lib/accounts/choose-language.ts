import { eq } from "drizzle-orm";
import { db } from "@/db";
import { users } from "@/db/schema";
import type { Locale } from "@/i18n/locales";

/** The account's language: its pages on any browser once signed in, and every email and text sent to it. */
export async function chooseLanguage(userId: string, locale: Locale) {
  await db.update(users).set({ locale }).where(eq(users.id, userId));
}
