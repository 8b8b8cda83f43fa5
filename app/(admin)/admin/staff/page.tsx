import type { Metadata } from "next";
import { AdminPlaceholder } from "@/components/admin/placeholder";

export const metadata: Metadata = { title: "Staff" };

export default function Page() {
  return <AdminPlaceholder title="Staff">Administrators will manage staff roles here.</AdminPlaceholder>;
}
