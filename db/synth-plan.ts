// Pure planning of synthetic accounts (no I/O): db/synth.ts writes what this returns.
import { adoptionProfile, countryWeights, deviceLabels, namePool } from "./synth-data";
import { hex, pick, randomFor, uuidFrom, wait, weightedPicker, type Random } from "./synth-random";
import { signInEvents, type PlannedEvent } from "./synth-sign-ins";

export type { PlannedEvent };

const DAY = 86_400_000;
const MINUTE = 60_000;
const historyStart = Date.UTC(2010, 0, 1);

export interface PlanContext {
  seed: number;
  now: number;
  /** Country → time its wave launched (only launched countries). */
  launches: ReadonlyMap<string, number>;
  /** Countries whose carriers deliver our texts. */
  smsCountries: ReadonlySet<string>;
  /** Phone numbers per country: a plausible prefix; the last digits are drawn. */
  phonePrefix: (country: string) => string | undefined;
}

export interface PlannedAccount {
  id: string;
  n: number;
  email: string;
  name: string;
  countryCode: string;
  createdAt: number;
  twoStepEnabledAt: number | null;
  lockoutRisk: boolean;
  events: PlannedEvent[];
  phones: { e164: string; countryCode: string; verifiedAt: number }[];
  devices: { tokenHash: string; label: string; createdAt: number; lastUsedAt: number; revokedAt: number | null }[];
  keys: { keyHash: string; createdAt: number; confirmedAt: number | null; replacedAt: number | null }[];
}

type Method = "sms" | "device" | "sms+device";

export const syntheticEmail = (n: number) => `synthetic-${n}@synthetic.stepwise.test`;

const pickCountry = weightedPicker(countryWeights);

/** Account number `n` under `seed`: the same inputs always give the same account. */
export function planAccount(context: PlanContext, n: number): PlannedAccount {
  const random = randomFor(context.seed, n);
  const countryCode = pickCountry(random);
  // Density grows linearly with time: more recent accounts are more common.
  const createdAt = Math.round(historyStart + (context.now - historyStart) * Math.sqrt(random()));
  const [first, last] = namePool(countryCode);
  const account: PlannedAccount = {
    id: uuidFrom(random),
    n,
    email: syntheticEmail(n),
    name: `${pick(random, first)} ${pick(random, last)}`,
    countryCode,
    createdAt,
    twoStepEnabledAt: null,
    lockoutRisk: false,
    events: [{ at: createdAt, type: "account_created", countryCode }],
    phones: [],
    devices: [],
    keys: [],
  };
  const started = enrollmentStart(context, random, countryCode, createdAt);
  if (started !== null) enroll(context, random, account, started);
  return account;
}

/** When the account starts enrolling, on its country's logistic adoption curve; null if it has not (yet). */
function enrollmentStart(context: PlanContext, random: Random, country: string, createdAt: number): number | null {
  const launch = context.launches.get(country);
  if (launch === undefined) return null;
  const { cap, midDays, scaleDays } = adoptionProfile(country);
  const u = random();
  if (u >= cap) return null;
  const v = Math.min(Math.max(u / cap, 1e-6), 1 - 1e-6);
  let at = launch + (midDays + scaleDays * Math.log(v / (1 - v))) * DAY;
  const eligible = Math.max(launch, createdAt);
  // Early adopters rush in at launch; accounts opened later enroll some weeks after sign-up.
  if (at < eligible) at = eligible + wait(random, createdAt > launch ? 45 * DAY : 5 * DAY);
  return at < context.now - DAY ? Math.round(at) : null;
}

function enroll(context: PlanContext, random: Random, account: PlannedAccount, start: number) {
  const { countryCode: country, events } = account;
  const sms = context.smsCountries.has(country) && context.phonePrefix(country) !== undefined;
  const failure = adoptionProfile(country).smsFailure;
  let t = start;
  const next = () => (t += Math.round((0.5 + random() * 4) * MINUTE));
  events.push({ at: t, type: "enrollment_started", countryCode: country });
  if (random() < 0.1) return; // read the explanation and left

  const x = random();
  const method: Method = !sms ? "device" : x < 0.45 ? "sms+device" : x < 0.85 ? "sms" : "device";
  const phoneCount = method === "device" ? 0 : method === "sms" ? (random() < 0.8 ? 2 : 1) : random() < 0.2 ? 2 : 1;
  const deviceCount = method === "sms" ? 0 : method === "device" ? (random() < 0.8 ? 2 : 1) : random() < 0.25 ? 2 : 1;

  const phones: string[] = [];
  for (let i = 0; i < phoneCount; i++) {
    // A text that never arrives is where many abandon: one resend, then give up.
    let delivered = false;
    for (let attempt = 0; attempt < 2 && !delivered; attempt++) {
      if (attempt > 0 && random() < 0.4) break;
      events.push({ at: next(), type: "challenge_sent", countryCode: country, method: "sms", detail: "enroll_phone" });
      delivered = random() >= failure;
      events.push({ at: t, type: delivered ? "sms_sent" : "sms_failed", countryCode: country });
    }
    if (!delivered || random() < 0.04) {
      if (i === 0) return;
      break;
    }
    const e164 = context.phonePrefix(country)! + String(Math.floor(random() * 100_000)).padStart(5, "0");
    events.push({ at: next(), type: "challenge_passed", countryCode: country, method: "sms", detail: "enroll_phone" });
    events.push({ at: t, type: "phone_verified", countryCode: country, method: "sms" });
    phones.push(e164);
  }
  for (let i = 0; i < deviceCount; i++) events.push({ at: next(), type: "device_trusted", countryCode: country, method: "device" });

  if (random() < 0.12) return; // never confirmed the Recovery Key
  events.push({ at: next(), type: "key_confirmed", countryCode: country });
  if (random() < 0.05) return; // stopped at the last screen
  const enabledAt = next();
  const actual: Method = phones.length ? (deviceCount ? "sms+device" : "sms") : "device";
  events.push({ at: enabledAt, type: "two_step_enabled", countryCode: country, method: actual, detail: JSON.stringify({ phones: phones.length, devices: deviceCount }) });
  finishEnrolled(context, random, account, { enabledAt, phones, deviceCount, method: actual });
}

function finishEnrolled(context: PlanContext, random: Random, account: PlannedAccount, f: { enabledAt: number; phones: string[]; deviceCount: number; method: Method }) {
  const { now } = context;
  const country = account.countryCode;
  const later = () => Math.round(f.enabledAt + (now - f.enabledAt) * random());
  const disabledAt = random() < 0.03 ? later() : null;
  const end = disabledAt ?? now;

  const key = { keyHash: hex(random, 8), createdAt: f.enabledAt, confirmedAt: f.enabledAt as number | null, replacedAt: disabledAt };
  account.keys.push(key);
  // ~5% started a new Recovery Key later and never confirmed it: no confirmed key, so at risk.
  if (!disabledAt && random() < 0.05) {
    const replaced = later();
    key.replacedAt = replaced;
    account.keys.push({ keyHash: hex(random, 8), createdAt: replaced, confirmedAt: null, replacedAt: null });
  }

  const signIns = signInEvents(random, { country, method: f.method, from: f.enabledAt, to: end, failure: adoptionProfile(country).smsFailure });
  account.events.push(...signIns.events);
  const lastUsed = signIns.lastDeviceUse ?? f.enabledAt;
  for (let i = 0; i < f.deviceCount; i++) {
    const device = { tokenHash: hex(random, 8), label: pick(random, deviceLabels), createdAt: f.enabledAt, lastUsedAt: lastUsed, revokedAt: disabledAt };
    // A few lost or sold a second device and removed it.
    if (!disabledAt && i > 0 && random() < 0.05) {
      device.revokedAt = later();
      account.events.push({ at: device.revokedAt, type: "device_revoked", countryCode: country, method: "device" });
    }
    account.devices.push(device);
  }
  if (disabledAt) {
    // Turning 2SV off forgets the phones outright and revokes the browsers (lib/two-step/enrollment/disable-two-step.ts).
    account.events.push({ at: disabledAt, type: "two_step_disabled", countryCode: country });
    return;
  }
  account.phones = f.phones.map((e164) => ({ e164, countryCode: country, verifiedAt: f.enabledAt }));
  account.twoStepEnabledAt = f.enabledAt;
  const working = account.phones.length + account.devices.filter((d) => d.revokedAt === null).length;
  const confirmedKey = account.keys.some((k) => k.replacedAt === null && k.confirmedAt !== null);
  account.lockoutRisk = working <= 1 || !confirmedKey;
}
