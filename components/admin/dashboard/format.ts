// Hand-made where dates are involved, so the server render and the browser agree to the character.
const numbers = new Intl.NumberFormat("en-US");
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export const formatCount = (n: number) => numbers.format(n);

/** A share (0.125) as "12.5%"; an em dash when there is none. */
export const formatShare = (share: number | null | undefined, digits = 1) =>
  share === null || share === undefined || Number.isNaN(share) ? "—" : `${new Intl.NumberFormat("en-US", { maximumFractionDigits: digits }).format(share * 100)}%`;

/** "3 Mar 2026" from a YYYY-MM-DD day; "3 Mar" without the year. */
export function formatDay(day: string, withYear = true) {
  const [y, m, d] = day.split("-").map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1]}${withYear ? ` ${y}` : ""}`;
}

export interface Change {
  direction: "up" | "down" | "same" | "from-zero";
  /** "25%" (absolute), for "▲ 25%". */
  text: string;
}

/** Change of `current` against `previous`; "from-zero" when there was nothing before to compare with. */
export function describeChange(current: number, previous: number): Change {
  if (previous === 0) return current === 0 ? { direction: "same", text: "0%" } : { direction: "from-zero", text: "" };
  const share = (current - previous) / previous;
  return { direction: share > 0 ? "up" : share < 0 ? "down" : "same", text: formatShare(Math.abs(share), Math.abs(share) < 0.1 ? 1 : 0) };
}

export const plural = (n: number, one: string, many = `${one}s`) => `${formatCount(n)} ${n === 1 ? one : many}`;
