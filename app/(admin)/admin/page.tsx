import type { Metadata } from "next";
import { AdminPlaceholder } from "@/components/admin/placeholder";

export const metadata: Metadata = { title: "Dashboard" };

export default function Page() {
  return <AdminPlaceholder title="Dashboard">Enrollment metrics by country, wave and method will appear here once the analytics are in place.</AdminPlaceholder>;
}
