export type Channel = "sms" | "email";

/** What a transport receives: the body in clear, unsealed just before sending. */
export interface OutboundMessage {
  id: string;
  channel: Channel;
  recipient: string;
  subject: string | null;
  body: string;
}

export interface Transport {
  name: string;
  send(message: OutboundMessage): Promise<{ providerMessageId?: string }>;
}

/**
 * A send that did not go out. `message` is recorded as the outbox row's lastError and logged, so it must never
 * contain the body (it may carry a verification code).
 */
export class TransportError extends Error {
  readonly retryable: boolean;
  readonly status?: number;
  readonly retryAfterMs?: number;

  constructor(message: string, options: { retryable: boolean; status?: number; retryAfterMs?: number }) {
    super(message);
    this.name = "TransportError";
    this.retryable = options.retryable;
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
  }
}
