import { describe, expect, it } from "vitest";
import { describeAuditAction } from "@/lib/audit/describe-audit-action";

describe("describeAuditAction", () => {
  it("reads a stored action name in the console's words", () => {
    expect(describeAuditAction("wave.approve")).toBe("Launch approved");
    expect(describeAuditAction("country.guardrail_pause")).toBe("Paused by guardrail");
    expect(describeAuditAction("staff.denied")).toBe("Attempt refused");
  });

  it("shows a name it does not know as stored, including names of Object's own properties", () => {
    expect(describeAuditAction("wave.archive")).toBe("wave.archive");
    expect(describeAuditAction("constructor")).toBe("constructor");
    expect(describeAuditAction("__proto__")).toBe("__proto__");
  });
});
