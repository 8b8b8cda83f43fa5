import { eq } from "drizzle-orm";
import { db } from "@/db";
import { countries } from "@/db/schema";

/** Whether our SMS reaches carriers in this country (staff switch it per country). */
export async function smsReachesCountry(code: string) {
  const [row] = await db.select({ sms: countries.smsSupported }).from(countries).where(eq(countries.code, code));
  return !!row?.sms;
}
