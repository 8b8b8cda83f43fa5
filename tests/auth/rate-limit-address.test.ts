import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rateLimitAddress, rateLimitKey } from "@/lib/auth/rate-limit-address";

const hex = (g: number) => g.toString(16);
/** The address the WHATWG URL parser writes for these groups: an independent RFC 5952 formatter. */
const canonical = (groups: number[]) => new URL(`http://[${groups.map(hex).join(":")}]`).hostname.slice(1, -1);
const group = fc.integer({ min: 0, max: 0xffff });
// Zero groups are common in real prefixes (2001:db8::/32, 2001:db8:0:1::/64), so they are drawn often.
const prefixGroup = fc.oneof(fc.constant(0), group);
const notMapped = (groups: number[]) => !(groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff);

/** One address written any of the ways clients and proxies write it: padded or not, upper case, "::" anywhere legal. */
function spell(groups: number[], how: { pad: boolean; upper: boolean; compressAt: number; compressLength: number }) {
  let fields = groups.map((g) => (how.pad ? g.toString(16).padStart(4, "0") : hex(g)));
  if (how.upper) fields = fields.map((f) => f.toUpperCase());
  const { compressAt: at, compressLength: length } = how;
  if (length > 0 && at + length <= 8 && groups.slice(at, at + length).every((g) => g === 0)) {
    return `${fields.slice(0, at).join(":")}::${fields.slice(at + length).join(":")}`;
  }
  return fields.join(":");
}
const spelling = fc.record({ pad: fc.boolean(), upper: fc.boolean(), compressAt: fc.integer({ min: 0, max: 7 }), compressLength: fc.integer({ min: 0, max: 8 }) });

describe("rateLimitAddress", () => {
  it("leaves IPv4 alone and reads IPv4-mapped IPv6 as its IPv4 address, in any spelling", () => {
    expect(rateLimitAddress("198.51.100.7")).toBe("198.51.100.7");
    expect(rateLimitAddress("::ffff:198.51.100.7")).toBe("198.51.100.7");
    expect(rateLimitAddress("::FFFF:c633:6407")).toBe("198.51.100.7");
    expect(rateLimitAddress("0:0:0:0:0:ffff:198.51.100.7")).toBe("198.51.100.7");
  });

  it("counts IPv6 by its /64, written canonically", () => {
    expect(rateLimitAddress("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:1:2::/64");
    expect(rateLimitAddress("2001:0DB8:0001:0002::1")).toBe("2001:db8:1:2::/64");
    expect(rateLimitAddress("2001:db8::1")).toBe("2001:db8::/64");
    expect(rateLimitAddress("2001:db8:0:0:1::")).toBe("2001:db8::/64");
    expect(rateLimitAddress("1:0:0:2:3:4:5:6")).toBe("1:0:0:2::/64");
    expect(rateLimitAddress("::1")).toBe("::/64");
    expect(rateLimitAddress("fe80::1%eth0")).toBe("fe80::/64");
    expect(rateLimitAddress("2001:db8:1:2:3:4:192.0.2.1")).toBe("2001:db8:1:2::/64");
    // Other IPv6 that merely contains ffff or an IPv4 tail is not a mapped IPv4 address.
    expect(rateLimitAddress("2001:db8::ffff:1")).toBe("2001:db8::/64");
    expect(rateLimitAddress("::ffff:0:192.0.2.1")).toBe("::/64");
  });

  it("leaves what is not an address as it came", () => {
    const invalid = ["", "unknown", "x".repeat(64), "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::", "2001:db8::g", "::1.2.3.4:5", "1.2.3.4::", "::ffff:1.2.3.256", "::ffff:01.2.3.4", "2001:db8::/64", "[::1]", "999.1.1.1"];
    for (const ip of invalid) expect(rateLimitAddress(ip), ip).toBe(ip);
  });

  it("gives every address of one /64, however written, the URL parser's form of that /64 (5 000 cases)", () => {
    fc.assert(
      fc.property(fc.array(prefixGroup, { minLength: 4, maxLength: 4 }), fc.array(group, { minLength: 4, maxLength: 4 }), spelling, (prefix, host, how) => {
        const groups = [...prefix, ...host];
        fc.pre(notMapped(groups));
        return rateLimitAddress(spell(groups, how)) === `${canonical([...prefix, 0, 0, 0, 0])}/64`;
      }),
      { numRuns: 5_000 },
    );
  });

  it("agrees with the URL parser on every address fast-check writes, and keeps different /64s apart (5 000 cases)", () => {
    const prefixOf = (ip: string) => canonical([...expand(ip).slice(0, 4), 0, 0, 0, 0]);
    fc.assert(
      fc.property(fc.ipV6(), fc.ipV6(), (a, b) => {
        fc.pre(notMapped(expand(a)) && notMapped(expand(b)));
        expect(rateLimitAddress(a)).toBe(`${prefixOf(a)}/64`);
        return (rateLimitAddress(a) === rateLimitAddress(b)) === (prefixOf(a) === prefixOf(b));
      }),
      { numRuns: 5_000 },
    );
  });

  it("reads every IPv4-mapped address as the IPv4 address (2 000 cases)", () => {
    fc.assert(
      fc.property(fc.ipV4(), fc.boolean(), (ip, asHex) => {
        const [a, b, c, d] = ip.split(".").map(Number) as [number, number, number, number];
        const mapped = asHex ? `::ffff:${hex((a << 8) | b)}:${hex((c << 8) | d)}` : `::ffff:${ip}`;
        return rateLimitAddress(mapped) === ip && rateLimitAddress(ip) === ip;
      }),
      { numRuns: 2_000 },
    );
  });
});

describe("rateLimitKey", () => {
  it("reads the address of per-IP keys only", () => {
    expect(rateLimitKey("signin:ip:2001:db8:1:2::99")).toBe("signin:ip:2001:db8:1:2::/64");
    expect(rateLimitKey("setup-text:ip:::ffff:192.0.2.1")).toBe("setup-text:ip:192.0.2.1");
    expect(rateLimitKey("recovery:ip:192.0.2.1")).toBe("recovery:ip:192.0.2.1");
    // An email or a phone number is never read as an address, whatever it contains.
    expect(rateLimitKey("signin:account:a:ip:2001:db8::1@example.com")).toBe("signin:account:a:ip:2001:db8::1@example.com");
    expect(rateLimitKey("signin:failures:2001:db8::1")).toBe("signin:failures:2001:db8::1");
  });
});

/** The eight groups of an address, by the WHATWG parser (test oracle). */
function expand(ip: string): number[] {
  const written = new URL(`http://[${ip}]`).hostname.slice(1, -1);
  const [head, tail] = written.split("::") as [string, string | undefined];
  const fields = (s: string | undefined) => (s ? s.split(":").map((f) => parseInt(f, 16)) : []);
  if (tail === undefined) return fields(head);
  return [...fields(head), ...Array<number>(8 - fields(head).length - fields(tail).length).fill(0), ...fields(tail)];
}
