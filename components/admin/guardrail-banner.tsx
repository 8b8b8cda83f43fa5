import Link from "next/link";
import { listGuardrailPauses } from "@/lib/rollout/guardrails/list-guardrail-pauses";

/** On every staff page while a guardrail holds a country paused, so nobody misses it. */
export async function GuardrailBanner() {
  const pauses = await listGuardrailPauses();
  if (pauses.length === 0) return null;
  return (
    <div role="alert" className="mb-6 rounded-xl bg-red-50 px-4 py-3 text-sm text-red-900 ring-1 ring-red-200">
      <p className="font-semibold">Guardrail tripped — {pauses.length === 1 ? "1 country is" : `${pauses.length} countries are`} paused automatically</p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {pauses.map((p) => (
          <li key={p.code}>
            <Link href={`/admin/regions/${p.code}`} className="font-medium underline">
              {p.name}
            </Link>
            : {p.reason}.
          </li>
        ))}
      </ul>
    </div>
  );
}
