import type { Random } from "./synth-random";

export interface PlannedEvent {
  at: number;
  type: string;
  countryCode: string;
  method?: string;
  detail?: string;
}

const MINUTE = 60_000;

/**
 * A handful of second-step sign-ins between enabling and `to`, more of them recent than old (the history is
 * thinned so the whole population averages about ten events an account). SMS codes fail at the country's rate.
 */
export function signInEvents(random: Random, o: { country: string; method: string; from: number; to: number; failure: number }) {
  const events: PlannedEvent[] = [];
  let lastDeviceUse: number | null = null;
  const count = 2 + Math.floor(random() * 10);
  const push = (at: number, type: string, method?: string) =>
    events.push(method ? { at: Math.min(at, o.to), type, countryCode: o.country, method, detail: method === "sms" || method === "device" ? "sign_in" : undefined } : { at: Math.min(at, o.to), type, countryCode: o.country });

  for (let i = 0; i < count; i++) {
    let t = Math.round(o.from + (o.to - o.from) * Math.sqrt(random()));
    const method = o.method === "sms+device" ? (random() < 0.5 ? "sms" : "device") : o.method;
    if (method === "sms") {
      let delivered = false;
      for (let attempt = 0; attempt < 2 && !delivered; attempt++) {
        if (attempt) t += MINUTE;
        push(t, "challenge_sent", "sms");
        delivered = random() >= o.failure;
        push(t, delivered ? "sms_sent" : "sms_failed");
      }
      if (!delivered) continue;
    } else {
      push(t, "challenge_sent", "device");
      lastDeviceUse = Math.max(lastDeviceUse ?? 0, t);
      if (random() < 0.01) {
        push(t + MINUTE / 4, "challenge_denied", "device");
        continue;
      }
    }
    if (random() < 0.04) {
      push(t + MINUTE / 2, "challenge_failed", method);
      if (random() < 0.2) continue;
    }
    push(t + MINUTE, "challenge_passed", method);
  }
  return { events, lastDeviceUse };
}
