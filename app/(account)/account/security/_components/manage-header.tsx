import Link from "next/link";

/** The heading of a security-settings page: the way back, the title, one line on what it is for. */
export function ManageHeader({ back, title, lead }: { back: string; title: string; lead: string }) {
  return (
    <div>
      <Link href="/account/security" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">{back}</Link>
      <h1 className="mt-2 text-2xl font-bold text-slate-900">{title}</h1>
      <p className="mt-1 text-slate-600">{lead}</p>
    </div>
  );
}
