export interface HourFigures {
  sms: { sent: number; failed: number };
  codes: { passed: number; failed: number };
}

export interface GuardrailPolicy {
  smsFailureThreshold: number;
  codeFailureThreshold: number;
  guardrailMinSample: number;
}

export interface Breach {
  metric: "sms_failure_rate" | "code_failure_rate";
  rate: number;
  failed: number;
  total: number;
  threshold: number;
}

/**
 * Pure: the first guardrail the last hour's figures cross, or null. A rate is judged only once enough tries exist,
 * so two failed texts out of three never pause a country.
 */
export function guardrailBreach(figures: HourFigures, policy: GuardrailPolicy): Breach | null {
  const checks = [
    { metric: "sms_failure_rate" as const, failed: figures.sms.failed, total: figures.sms.sent + figures.sms.failed, threshold: policy.smsFailureThreshold },
    { metric: "code_failure_rate" as const, failed: figures.codes.failed, total: figures.codes.passed + figures.codes.failed, threshold: policy.codeFailureThreshold },
  ];
  for (const c of checks) {
    if (c.total < policy.guardrailMinSample) continue;
    const rate = c.failed / c.total;
    if (rate >= c.threshold) return { ...c, rate };
  }
  return null;
}

export const describeBreach = (b: Breach) =>
  `${b.metric === "sms_failure_rate" ? "SMS delivery failures" : "Code failures"} ${(b.rate * 100).toFixed(1)}% (${b.failed} of ${b.total}) in the last hour, at or above the ${Math.round(b.threshold * 100)}% guardrail`;
