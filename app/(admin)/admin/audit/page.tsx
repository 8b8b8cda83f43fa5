import type { Metadata } from "next";
import { AdminPlaceholder } from "@/components/admin/placeholder";

export const metadata: Metadata = { title: "Audit" };

export default function Page() {
  return <AdminPlaceholder title="Audit">Every staff action, who made it and why, will be recorded here.</AdminPlaceholder>;
}
