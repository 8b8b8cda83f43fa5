// npm run staff:role -- <email> <viewer|operator|admin|user> "<reason>" — sets a staff role from the server, without
// the console's second admin: a deployment's first admins, or a new one when no independent admin is left. Audited.
import { hostname, userInfo } from "node:os";
import { roles, type Role } from "@/db/schema";
import { openDatabase } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { AppError } from "@/lib/errors";
import { setRoleFromServer } from "@/lib/staff/set-role-from-server";

const refusals: Record<string, string> = {
  NO_ACCOUNT: "No account uses this email: the person signs up first.",
  UNCHANGED: "That account already has this role.",
  REASON_REQUIRED: "Give a reason of at least 3 characters: it goes into the audit log.",
};

async function main() {
  const [email, role, ...reason] = process.argv.slice(2);
  if (!email || !roles.includes(role as Role) || reason.length === 0) {
    console.error(`Usage: npm run staff:role -- <email> <${roles.join("|")}> "<reason>"`);
    process.exit(2);
  }
  const database = openDatabase();
  try {
    await migrateDatabase(database);
    const changed = await setRoleFromServer(database.db, { email, role: role as Role, reason: reason.join(" "), by: `${userInfo().username}@${hostname()}` });
    console.log(`${changed.email}: ${changed.before} → ${changed.after}.`);
  } catch (error) {
    console.error(error instanceof AppError ? (refusals[error.code] ?? error.code) : `Failed: ${(error as Error)?.message ?? error}`);
    process.exitCode = 1;
  } finally {
    await database.close();
  }
}

void main();
