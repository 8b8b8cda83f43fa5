import { describe, expect, it } from "vitest";
import { clientIp } from "@/lib/auth/request-info";

const from = (headers: Record<string, string>) => clientIp(new Headers(headers));

describe("clientIp", () => {
  it("takes the address the nearest proxy appended, not one the client wrote in front", () => {
    expect(from({ "x-forwarded-for": "203.0.113.9, 198.51.100.4" })).toBe("198.51.100.4");
  });

  it("shows an IPv4 client on a dual-stack socket as plain IPv4, and leaves real IPv6 alone", () => {
    expect(from({ "x-forwarded-for": "::ffff:127.0.0.1" })).toBe("127.0.0.1");
    expect(from({ "x-real-ip": "::FFFF:192.0.2.1" })).toBe("192.0.2.1");
    expect(from({ "x-forwarded-for": "2001:db8::ffff:1" })).toBe("2001:db8::ffff:1");
    expect(from({ "x-forwarded-for": "::ffff:7f00:1" })).toBe("::ffff:7f00:1");
  });

  it("is null without a forwarded address, and never longer than a column holds", () => {
    expect(from({})).toBeNull();
    expect(from({ "x-forwarded-for": "x".repeat(500) })).toHaveLength(64);
  });
});
