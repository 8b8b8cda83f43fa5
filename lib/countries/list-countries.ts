import { asc } from "drizzle-orm";
import { db } from "@/db";
import { countries } from "@/db/schema";

export function listCountries() {
  return db.select({ code: countries.code, name: countries.name }).from(countries).orderBy(asc(countries.name));
}
