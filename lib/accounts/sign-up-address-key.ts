import { keyedHash } from "@/lib/crypto/secrets";

/**
 * The rate-limit key of an address typed into sign-up: keyed-hashed, so the counters table does not become a list of
 * every address anyone tried (most of them never confirmed).
 */
export const signUpAddressKey = (kind: "email" | "tries", email: string) => `signup:${kind}:${keyedHash("sign-up-address", email.trim().toLowerCase())}`;
