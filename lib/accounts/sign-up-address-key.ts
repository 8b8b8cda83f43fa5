/** The rate-limit key of an address typed into sign-up (stored as a keyed hash, like every rate-limit key). */
export const signUpAddressKey = (kind: "email" | "tries", email: string) => `signup:${kind}:${email.trim().toLowerCase()}`;
