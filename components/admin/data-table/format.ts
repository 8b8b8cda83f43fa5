// Formatted by hand (not Intl dates) so the server render and the browser agree to the character.
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const numbers = new Intl.NumberFormat("en-GB");

const pad = (n: number) => String(n).padStart(2, "0");

/** "21 Mar 2013" (UTC), or an em dash when there is no date. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "—";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "—";
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** "21 Mar 2013, 14:05 UTC". */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${formatDate(iso)}, ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}

/** The UTC calendar day, "2013-03-21", as a date input holds it. */
export function utcDay(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? "" : d.toISOString().slice(0, 10);
}

export function formatNumber(n: number): string {
  return numbers.format(n);
}

/** "12.5%" with one decimal; an em dash when the share is undefined. */
export function formatPercent(share: number | undefined): string {
  return share === undefined ? "—" : `${(share * 100).toFixed(1)}%`;
}
