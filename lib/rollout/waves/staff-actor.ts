import type { Role } from "@/db/schema";
import type { Actor } from "@/lib/audit/record-audit";

/** A signed-in staff member acting in the console. */
export interface StaffActor extends Actor {
  role: Role;
}
