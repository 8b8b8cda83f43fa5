import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { passkeys } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { normalisePasskeyName } from "./passkey-name";

export type RenamePasskeyError = "NOT_FOUND";

/** Gives one of the owner's passkeys a new label; another account's id is simply not found. */
export async function renamePasskey({ userId, passkeyId, name }: { userId: string; passkeyId: string; name: string }) {
  const label = normalisePasskeyName(name);
  const [renamed] = await db
    .update(passkeys)
    .set({ name: label })
    .where(and(eq(passkeys.id, passkeyId), eq(passkeys.userId, userId)))
    .returning({ id: passkeys.id, name: passkeys.name });
  if (!renamed) throw new AppError<RenamePasskeyError>("NOT_FOUND");
  return renamed;
}
