import { eq } from "drizzle-orm";
import { db } from "@/db";
import { users, waves } from "@/db/schema";
import type { StaffActor } from "@/lib/rollout/waves/staff-actor";

/** The seeded demo staff as actors (requires setupTestDatabase({ seed: "demo" })). */
export async function demoStaff() {
  const actor = async (email: string): Promise<StaffActor> => {
    const [u] = await db.select().from(users).where(eq(users.email, email));
    return { id: u!.id, name: u!.name, email: u!.email, role: u!.role };
  };
  return {
    viewer: await actor("viewer@stepwise.test"),
    operator: await actor("operator@stepwise.test"),
    admin: await actor("admin@stepwise.test"),
    approver: await actor("approver@stepwise.test"),
  };
}

export async function waveId(name: string) {
  const [w] = await db.select({ id: waves.id }).from(waves).where(eq(waves.name, name));
  return w!.id;
}

/** Expects `promise` to fail with an AppError of `code`. */
export async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
  return "NO_ERROR";
}
