/**
 * The address a per-IP limit counts. IPv6 clients are counted by their /64: that is the smallest block a network is
 * given (RFC 6177), and inside it a client picks new addresses at will (RFC 8981 privacy addresses, or a whole /64 on
 * one VPS), so a limit per full address would be a fresh limit per request. IPv4 stays as it is; an IPv4 client seen
 * as IPv4-mapped IPv6 (::ffff:192.0.2.1, in any spelling) counts as its IPv4 address; anything else is left as it came.
 * Only limits read this: sessions, audit rows and pages keep and show the full address.
 */
export function rateLimitAddress(ip: string): string {
  const groups = ipv6Groups(ip);
  if (!groups) return ip;
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join(".");
  }
  return `${formatIpv6([...groups.slice(0, 4), 0, 0, 0, 0])}/64`;
}

/**
 * A counter's key with its address read as above. Every per-IP limit is named `<scope>:ip:<address>` (the sign-in
 * form, sign-up, reset requests, Recovery Keys, passkeys, setup texts, the Basic API), so this one rule covers them
 * all, including limits added later under the same naming.
 */
export function rateLimitKey(key: string): string {
  const perIp = /^([^:]+:ip:)(.+)$/s.exec(key);
  return perIp ? perIp[1]! + rateLimitAddress(perIp[2]!) : key;
}

/** The eight 16-bit groups of an IPv6 address ("::" expanded, a trailing dotted IPv4 as two groups, a zone id dropped). */
function ipv6Groups(ip: string): number[] | null {
  const address = ip.replace(/%[^%]+$/, "");
  if (!address.includes(":")) return null;
  const halves = address.split("::");
  if (halves.length > 2) return null;
  const head = groupsOf(halves[0]!, halves.length === 1);
  const tail = halves.length === 2 ? groupsOf(halves[1]!, true) : [];
  if (!head || !tail) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  // "::" stands for one or more zero groups.
  return head.length + tail.length <= 7 ? [...head, ...Array<number>(8 - head.length - tail.length).fill(0), ...tail] : null;
}

function groupsOf(part: string, endsAddress: boolean): number[] | null {
  if (part === "") return [];
  const fields = part.split(":");
  const groups: number[] = [];
  for (const [i, field] of fields.entries()) {
    if (endsAddress && i === fields.length - 1 && field.includes(".")) {
      const octets = field.split(".");
      // Leading zeros are refused: some parsers read them as octal.
      if (octets.length !== 4 || !octets.every((o) => /^(0|[1-9]\d{0,2})$/.test(o) && Number(o) <= 255)) return null;
      const [a, b, c, d] = octets.map(Number) as [number, number, number, number];
      groups.push((a << 8) | b, (c << 8) | d);
    } else if (/^[0-9a-f]{1,4}$/i.test(field)) {
      groups.push(parseInt(field, 16));
    } else {
      return null;
    }
  }
  return groups;
}

/** RFC 5952: lower case, no leading zeros, the first longest run of two or more zero groups written "::". */
function formatIpv6(groups: number[]): string {
  let run = { at: -1, length: 1 };
  for (let i = 0; i < groups.length; i++) {
    let end = i;
    while (groups[end] === 0) end++;
    if (end - i > run.length) run = { at: i, length: end - i };
  }
  const hex = groups.map((g) => g.toString(16));
  if (run.at < 0) return hex.join(":");
  return `${hex.slice(0, run.at).join(":")}::${hex.slice(run.at + run.length).join(":")}`;
}
