import type { MessagingConfig } from "../config";
import { devTransport } from "./dev";
import { noneTransport } from "./none";
import type { Channel, Transport } from "./transport";
import { twilioTransport } from "./twilio";

/** The transport that new messages on `channel` are queued for. */
export function transportNameFor(channel: Channel, config: MessagingConfig): string {
  return channel === "sms" ? config.sms.transport : config.email.transport;
}

/**
 * The transports this instance can deliver through, by name. Rows queued for a transport this instance does not
 * have (e.g. "twilio" while it runs with SMS_TRANSPORT=dev) are left for an instance that has it.
 */
export function availableTransports(config: MessagingConfig): Map<string, Transport> {
  const sms = config.sms.transport === "twilio" ? twilioTransport(config.sms) : devTransport;
  const email = config.email.transport === "dev" ? devTransport : noneTransport;
  return new Map([sms, email].map((transport) => [transport.name, transport]));
}

export { TransportError, type OutboundMessage, type Transport } from "./transport";
