import { z } from "zod";
import { EnvError } from "@/lib/env";

const blank = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optionalText = z.preprocess(blank, z.string().trim().optional());

const schema = z.object({
  DATABASE_URL: optionalText,
  SMS_TRANSPORT: z.preprocess(blank, z.enum(["dev", "twilio"]).optional()),
  // "none": email is switched off; an email message is recorded as failed instead of sent.
  EMAIL_TRANSPORT: z.preprocess(blank, z.enum(["dev", "none"]).optional()),
  TWILIO_ACCOUNT_SID: z.preprocess(blank, z.string().trim().regex(/^AC\w+$/, "must start with AC").optional()),
  TWILIO_AUTH_TOKEN: optionalText,
  TWILIO_FROM: optionalText,
  TWILIO_MESSAGING_SERVICE_SID: z.preprocess(blank, z.string().trim().regex(/^MG\w+$/, "must start with MG").optional()),
  TWILIO_API_BASE: z.preprocess(blank, z.url({ protocol: /^https?$/ }).default("https://api.twilio.com")),
  TWILIO_TIMEOUT_MS: z.preprocess(blank, z.coerce.number().int().positive().default(10_000)),
});

export interface TwilioConfig {
  accountSid: string;
  authToken: string;
  from?: string;
  messagingServiceSid?: string;
  apiBase: string;
  timeoutMs: number;
}

export type SmsTransportConfig = { transport: "dev" } | ({ transport: "twilio" } & TwilioConfig);
export type EmailTransportConfig = { transport: "dev" | "none" };

export interface MessagingConfig {
  sms: SmsTransportConfig;
  email: EmailTransportConfig;
}

/** A missing or wrong messaging setting; the message is one line naming what to set. */
export class MessagingConfigError extends EnvError {
  constructor(message: string) {
    super(message);
    this.name = "MessagingConfigError";
  }
}

/**
 * Which transports send SMS and email. The dev transport (messages kept for /dev/inbox) is the default only on the
 * embedded database: with DATABASE_URL set, SMS_TRANSPORT must be chosen explicitly so a production deployment never
 * silently "sends" codes to a page. Email has no real transport yet: it follows SMS (dev with dev, else none).
 */
export function messagingConfig(source: Record<string, string | undefined> = process.env): MessagingConfig {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
    throw new MessagingConfigError(`Invalid messaging settings: ${problems.join("; ")}`);
  }
  const env = parsed.data;

  const smsTransport = env.SMS_TRANSPORT ?? (env.DATABASE_URL ? undefined : "dev");
  if (!smsTransport) {
    throw new MessagingConfigError(
      "SMS_TRANSPORT is required when DATABASE_URL is set: set SMS_TRANSPORT=twilio (with TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID), or SMS_TRANSPORT=dev to keep messages in the dev inbox at /dev/inbox",
    );
  }
  const email: EmailTransportConfig = { transport: env.EMAIL_TRANSPORT ?? (smsTransport === "dev" ? "dev" : "none") };
  if (smsTransport === "dev") return { sms: { transport: "dev" }, email };

  const missing = [
    !env.TWILIO_ACCOUNT_SID && "TWILIO_ACCOUNT_SID",
    !env.TWILIO_AUTH_TOKEN && "TWILIO_AUTH_TOKEN",
    !env.TWILIO_FROM && !env.TWILIO_MESSAGING_SERVICE_SID && "TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID",
  ].filter(Boolean);
  if (missing.length > 0) throw new MessagingConfigError(`SMS_TRANSPORT=twilio needs ${missing.join(", ")}`);

  return {
    sms: {
      transport: "twilio",
      accountSid: env.TWILIO_ACCOUNT_SID!,
      authToken: env.TWILIO_AUTH_TOKEN!,
      from: env.TWILIO_FROM,
      messagingServiceSid: env.TWILIO_MESSAGING_SERVICE_SID,
      apiBase: env.TWILIO_API_BASE.replace(/\/+$/, ""),
      timeoutMs: env.TWILIO_TIMEOUT_MS,
    },
    email,
  };
}

/** The dev inbox exists only while a dev transport is on; a broken configuration counts as off. */
export function devInboxEnabled(source: Record<string, string | undefined> = process.env): boolean {
  try {
    const config = messagingConfig(source);
    return config.sms.transport === "dev" || config.email.transport === "dev";
  } catch {
    return false;
  }
}
