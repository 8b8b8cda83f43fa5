import { redirect } from "next/navigation";

/** Replacing a lost Recovery Key lives with recovery (/account/recovery-key); this address stays for old links. */
export default function SecurityRecoveryKeyPage() {
  redirect("/account/recovery-key");
}
