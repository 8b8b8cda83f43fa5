import { and, gt, isNull } from "drizzle-orm";
import { challenges } from "@/db/schema";

/** A challenge whose code still works at `now`: not used, denied or replaced, and not expired (as SQL). */
export const isOpenChallenge = (now: Date) =>
  and(isNull(challenges.consumedAt), isNull(challenges.deniedAt), isNull(challenges.replacedAt), gt(challenges.expiresAt, now));
