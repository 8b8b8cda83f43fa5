import type { Metadata } from "next";
import { AdminPlaceholder } from "@/components/admin/placeholder";

export const metadata: Metadata = { title: "Waves" };

export default function Page() {
  return <AdminPlaceholder title="Waves">Plan, approve and launch waves of countries here.</AdminPlaceholder>;
}
