import { asc, ne, sql } from "drizzle-orm";
import { db } from "@/db";
import { users } from "@/db/schema";

/** Everyone with a staff role, and whether they can enter the console yet (staff need 2SV on). */
export async function listStaff() {
  return db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, twoStepOn: sql<boolean>`${users.twoStepEnabledAt} is not null` })
    .from(users)
    .where(ne(users.role, "user"))
    .orderBy(asc(users.role), asc(users.name));
}
