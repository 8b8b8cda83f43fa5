import type { Metadata } from "next";
import { AdminPlaceholder } from "@/components/admin/placeholder";

export const metadata: Metadata = { title: "Regions" };

export default function Page() {
  return <AdminPlaceholder title="Regions">The rollout status of every country, SMS carrier support and enrollment will be listed here.</AdminPlaceholder>;
}
