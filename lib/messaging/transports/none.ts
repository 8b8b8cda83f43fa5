import { TransportError, type Transport } from "./transport";

/** A channel that is switched off (EMAIL_TRANSPORT=none): every message fails at once, without retries. */
export const noneTransport: Transport = {
  name: "none",
  async send(message) {
    throw new TransportError(`no ${message.channel} transport is configured`, { retryable: false });
  },
};
