import type { Transport } from "./transport";

/** Delivers by being marked sent: the outbox row is the "phone", read back at /dev/inbox. */
export const devTransport: Transport = {
  name: "dev",
  async send() {
    return {};
  },
};
